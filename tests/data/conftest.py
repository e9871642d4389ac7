"""Fixtures shared by the data tests: one running Assay kernel per test module, started
through the session's kernelspec (tests/conftest.py)."""

import pytest
from jupyter_client import KernelManager

KERNEL_NAME = "assay"
STARTUP_TIMEOUT = 120


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
