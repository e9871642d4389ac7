"""Jupyter's kernel conformance suite (jupyter_kernel_test) against the Assay kernel.

Runs under Debian's Python (/usr/bin/python3, python3-jupyter-kernel-test 0.4.5):

    JUPYTER_PATH=PREFIX/share/jupyter /usr/bin/python3 -m pytest -v tests/jupyter/test_conformance.py

where PREFIX is a directory the kernelspec was installed into with
``java -jar kernel/target/assay.jar install --prefix PREFIX``. Every sample
field of ``KernelTests`` is filled in except the pager (Java has no pager), so
every test but ``test_pager`` runs. The samples were checked by hand against
the kernel: completion match sets are exact, not subsets.
"""

import unittest

import jupyter_kernel_test
from jupyter_kernel_test.msgspec_v5 import validate_message

TIMEOUT = jupyter_kernel_test.TIMEOUT


class AssayKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "assay"
    language_name = "java"
    file_extension = ".jshell"

    # test_execute_stdout / test_execute_stderr
    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("this goes to stderr");'

    # test_completion: the reply's match set must equal these sets exactly.
    completion_samples = [
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "Integer.MAX_", "matches": {"MAX_VALUE"}},
        {"text": "Math.P", "matches": {"PI"}},
        {"text": "List.o", "matches": {"of("}},
        {"text": '"abc".toUpperCas', "matches": {"toUpperCase("}},
        {"text": "java.util.concurrent.TimeUnit.SECO", "matches": {"SECONDS"}},
        {"text": "noSuchNameAnywhere", "matches": set()},
        # A variable declared earlier in the same cell, which has not run.
        {"text": 'String greeting = "x";\ngreeting.toU', "matches": {"toUpperCase("}},
    ]

    # test_is_complete
    complete_code_samples = [
        "int x = 1;",
        "6*7",
        'System.out.println("hi");',
        "class Point { int x; int y; }",
        "int twice(int a) { return 2 * a; }",
        "for (int i = 0; i < 3; i++) { }",
        "int a = 1;\nint b = 2;\na + b",
    ]
    incomplete_code_samples = [
        "for (int i = 0; i < 3; i++) {",
        "class Point {",
        "int twice(int a) {\n  return 2 * a;",
        "Math.max(1,",
        "1 +",
        "/* a comment that goes on",
        'String s = """\nfirst line',
    ]
    invalid_code_samples = [
        "int x = ;",
        ")",
        "}",
        'String s = "no closing quote',
    ]

    # test_error: exactly one output, an error message
    code_generate_error = 'throw new RuntimeException("boom");'

    # test_execute_result (text/plain unless "mime" says otherwise)
    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"abc" + 1', "result": '"abc1"'},
        {"code": "List.of(1, 2, 3)", "result": "[1, 2, 3]"},
        {"code": "int a = 20;\nint b = 22;\na + b", "result": "42"},
        {"code": "Math.max(3, 9)", "result": "9"},
        {"code": "(char) 65", "result": "'A'"},
        {
            "code": "new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB)",
            "mime": "image/png",
        },
    ]

    # test_display_data
    code_display_data = [
        {"code": 'display("shown as text");', "mime": "text/plain"},
        {
            "code": "display(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB));",
            "mime": "image/png",
        },
    ]

    # test_history: the pattern is a glob that matches "6*7" above (and only it)
    code_history_pattern = "6*7"
    supported_history_operations = ("tail", "range", "search")

    # test_inspect
    code_inspect_sample = "Math.max"

    # test_clear_output
    code_clear_output = "clearOutput();"

    # test_pager is left out on purpose: a Java kernel has no pager payloads.

    # ---- checks beyond jupyter_kernel_test that clients rely on ----

    def test_every_sample_field_is_filled(self):
        # jupyter_kernel_test skips a test whose sample field is empty; a skip would hide a
        # gap, so every field it offers (but the pager's) must be set here.
        fields = [
            name for name in vars(jupyter_kernel_test.KernelTests)
            if (name.startswith("code_") or name.endswith("_samples")) and name != "code_page_something"
        ]
        self.assertIn("code_hello_world", fields)
        for name in fields:
            with self.subTest(field=name):
                self.assertTrue(getattr(self, name), f"{name} is empty: its test would be skipped")
        self.assertEqual(set(self.supported_history_operations), {"tail", "range", "search"})

    def request(self, name, *args, **kwargs):
        msg_id = getattr(self.kc, name)(*args, **kwargs)
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        validate_message(reply, name + "_reply", msg_id)
        return reply["content"]

    def test_completion_replaces_the_word_before_the_cursor(self):
        # A client replaces [cursor_start, cursor_end) with the match: here "printl".
        content = self.request("complete", "System.out.printl")
        self.assertEqual(content["status"], "ok")
        self.assertEqual((content["cursor_start"], content["cursor_end"]), (11, 17))
        # The cursor in the middle of the text: only the part before it counts.
        content = self.request("complete", "Math.ma + 1", cursor_pos=7)
        self.assertEqual(set(content["matches"]), {"max("})
        self.assertEqual((content["cursor_start"], content["cursor_end"]), (5, 7))

    def test_completion_sees_variables_of_earlier_cells(self):
        self.flush_channels()
        reply, _ = self.execute_helper("int conformanceCounter = 1;")
        self.assertEqual(reply["content"]["status"], "ok")
        content = self.request("complete", "conformanceCoun")
        self.assertEqual(content["matches"], ["conformanceCounter"])

    def test_is_complete_suggests_indent(self):
        content = self.request("is_complete", "class Point {")
        self.assertEqual(content, {"status": "incomplete", "indent": "    "})

    def test_inspect_unknown_name_is_not_found(self):
        content = self.request("inspect", "noSuchNameAnywhere")
        self.assertEqual(content["status"], "ok")
        self.assertFalse(content["found"])
        self.assertEqual(content["data"], {})

    def test_inspect_shows_signatures(self):
        content = self.request("inspect", "Math.max")
        text = content["data"]["text/plain"]
        self.assertIn("int Math.max(int a, int b)", text)
        self.assertIn("double Math.max(double a, double b)", text)

    def test_history_output_holds_the_result_text(self):
        self.flush_channels()
        reply, _ = self.execute_helper("6*7")
        count = reply["content"]["execution_count"]
        content = self.request("history", hist_access_type="tail", n=1, output=True, raw=True)
        self.assertEqual(len(content["history"]), 1)
        session, line, (source, output) = content["history"][0]
        self.assertEqual((line, source, output), (count, "6*7", "42"))

    def test_execution_count_counts_stored_cells_only(self):
        self.flush_channels()
        first, _ = self.execute_helper("1 + 1")
        second, _ = self.execute_helper("2 + 2")
        self.assertEqual(second["content"]["execution_count"], first["content"]["execution_count"] + 1)
        # store_history=False must not advance the counter.
        self.execute_helper("3 + 3", store_history=False)
        third, outputs = self.execute_helper("4 + 4")
        self.assertEqual(third["content"]["execution_count"], second["content"]["execution_count"] + 1)
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        self.assertEqual(results[0]["content"]["execution_count"], third["content"]["execution_count"])

    def test_silent_execution_publishes_nothing(self):
        self.flush_channels()
        reply, outputs = self.execute_helper('System.out.println("quiet"); 5', silent=True)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(outputs, [])

    def test_error_reply_matches_error_output(self):
        self.flush_channels()
        reply, outputs = self.execute_helper('throw new IllegalStateException("kaput");')
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "java.lang.IllegalStateException")
        self.assertEqual(reply["content"]["evalue"], "kaput")
        self.assertEqual(len(outputs), 1)
        error = outputs[0]["content"]
        self.assertEqual((error["ename"], error["evalue"]), ("java.lang.IllegalStateException", "kaput"))
        self.assertEqual(error["traceback"], reply["content"]["traceback"])
        # The session survives the error.
        reply, outputs = self.execute_helper("40 + 2")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m["content"]["data"]["text/plain"] for m in outputs], ["42"])

    def test_user_expressions(self):
        self.flush_channels()
        msg_id = self.kc.execute("int ue = 21;", user_expressions={"doubled": "ue * 2", "bad": "noSuchVar"})
        reply = self.get_non_kernel_info_reply(timeout=TIMEOUT)
        validate_message(reply, "execute_reply", msg_id)
        expressions = reply["content"]["user_expressions"]
        self.assertEqual(expressions["doubled"]["status"], "ok")
        self.assertEqual(expressions["doubled"]["data"]["text/plain"], "42")
        self.assertEqual(expressions["bad"]["status"], "error")
        self.flush_channels()


if __name__ == "__main__":
    unittest.main()
