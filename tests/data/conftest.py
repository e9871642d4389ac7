"""Fixtures shared by the data tests: one running Assay kernel per test module, started
from ASSAY_JAR through the kernelspec found on JUPYTER_PATH (or installed into a temporary
prefix; see tests/assay_kernelspec.py)."""

import sys
from pathlib import Path

import pytest
from jupyter_client import KernelManager

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import assay_kernelspec  # noqa: E402  (tests/assay_kernelspec.py)

KERNEL_NAME = "assay"
STARTUP_TIMEOUT = 120


@pytest.fixture(scope="module")
def assay_jar():
    jar = assay_kernelspec.jar_path()
    if jar is None:
        pytest.fail("no kernel jar: build it (mvn -B package) or set ASSAY_JAR")
    return jar


@pytest.fixture(scope="module")
def kernelspec(assay_jar, tmp_path_factory):
    """The `assay` kernelspec that starts ASSAY_JAR, found through JUPYTER_PATH or installed."""
    return assay_kernelspec.kernelspec_for(assay_jar, lambda: tmp_path_factory.mktemp("jupyter-prefix"))


@pytest.fixture(scope="module")
def kernel(kernelspec):
    """One running Assay kernel (a blocking client) for every test of this module."""
    km = KernelManager(kernel_name=KERNEL_NAME)
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=STARTUP_TIMEOUT)
        yield kc
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
