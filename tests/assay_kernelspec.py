"""The kernel jar and the `assay` kernelspec that starts it, for the Python test suites.

ASSAY_JAR names the jar (default kernel/target/assay.jar). The kernelspec named `assay`
found through JUPYTER_PATH is used when it starts a copy of that jar (install copies the jar
into the kernelspec's folder); otherwise one is installed from the jar into a fresh prefix,
which is put first on JUPYTER_PATH.
"""

import filecmp
import os
import subprocess
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

REPO_ROOT = Path(__file__).resolve().parents[1]
KERNEL_NAME = "assay"


def jar_path():
    """The kernel jar, absolute; None when it does not exist."""
    jar = Path(os.environ.get("ASSAY_JAR", REPO_ROOT / "kernel" / "target" / "assay.jar"))
    if not jar.is_absolute():
        jar = REPO_ROOT / jar
    return jar.resolve() if jar.is_file() else None


def _spec_jar(spec):
    """The jar a kernelspec's argv starts (the argument after -jar), or None."""
    argv = spec.argv
    if "-jar" in argv and argv.index("-jar") + 1 < len(argv):
        return Path(argv[argv.index("-jar") + 1]).resolve()
    return None


def _starts(spec, jar):
    """Whether the kernelspec starts `jar` or a byte-for-byte copy of it."""
    started = _spec_jar(spec) if spec is not None else None
    return started is not None and started.is_file() and filecmp.cmp(started, jar, shallow=False)


def kernelspec_for(jar, new_prefix):
    """The `assay` kernelspec starting `jar`; `new_prefix()` gives a folder to install into if needed."""
    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    except NoSuchKernel:
        spec = None
    if not _starts(spec, jar):
        prefix = new_prefix()
        subprocess.run(
            ["java", "-jar", str(jar), "install", "--prefix", str(prefix)],
            check=True, capture_output=True, text=True, timeout=120,
        )
        data_dir = str(Path(prefix) / "share" / "jupyter")
        old = os.environ.get("JUPYTER_PATH")
        os.environ["JUPYTER_PATH"] = data_dir + (os.pathsep + old if old else "")
        spec = KernelSpecManager().get_kernel_spec(KERNEL_NAME)
    assert _starts(spec, jar), f"kernelspec {spec.resource_dir} starts {spec.argv}"
    return spec
