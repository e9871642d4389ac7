package dev.assay.spark;

/** The tests' Spark Connect server, for tests of other packages that must run on Spark. */
public final class TestServer {

    private TestServer() {
    }

    public static String location() {
        return LocalConnectServer.location();
    }
}
