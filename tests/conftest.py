"""Fixtures every client test shares: the kernel jar under test and the `assay` kernelspec
that starts it, found through JUPYTER_PATH or installed into a temporary prefix (see
tests/assay_kernelspec.py). One of each per pytest session."""

import pytest

import assay_kernelspec  # tests/ is on sys.path: pytest puts a conftest's folder there


@pytest.fixture(scope="session")
def assay_jar():
    jar = assay_kernelspec.jar_path()
    if jar is None:
        pytest.fail("no kernel jar: build it (mvn -B package) or set ASSAY_JAR")
    return jar


@pytest.fixture(scope="session")
def kernelspec(assay_jar, tmp_path_factory):
    """The `assay` kernelspec that starts ASSAY_JAR, found through JUPYTER_PATH or installed."""
    return assay_kernelspec.kernelspec_for(assay_jar, lambda: tmp_path_factory.mktemp("jupyter-prefix"))
