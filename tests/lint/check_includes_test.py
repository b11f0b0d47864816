#!/usr/bin/env python3
"""The include-direction check (cmake/check_includes.py) against small source trees.

Each upward include the layer order exists to forbid is planted in a tree that is otherwise
clean; the check must fail on it, naming the file, the line and the rule. The clean tree, laid
out as the layers are meant to be, must pass. The real layer table is used, not a copy.
"""

import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

repo = Path(__file__).resolve().parents[2]
script = repo / "cmake" / "check_includes.py"
layers = repo / "cmake" / "include_layers.txt"

# A tree that follows the layer order: the HTTP message and WebSocket interfaces below net,
# api, controllers and static; the auth service below api; the app on top; the door link on a
# client library of the shared protocol folder.
clean_tree = {
    "protocol/envelope.hpp": [],
    "protocol/client/https_client.hpp": ["protocol/envelope.hpp"],
    "protocol/log/log.hpp": [],
    "booking/http/http_message.hpp": [],
    "booking/http/websocket_handler.hpp": ["booking/http/http_message.hpp"],
    "booking/domain/booking.hpp": [],
    "booking/store/store_errc.hpp": [],
    "booking/store/sqlite_bookings.cpp": ["booking/domain/booking.hpp",
                                          "booking/store/store_errc.hpp"],
    "booking/controllers/stream_hub.hpp": ["booking/http/websocket_handler.hpp",
                                           "protocol/envelope.hpp"],
    "booking/controllers/access_change_observer.hpp": ["booking/http/http_message.hpp"],
    "booking/static/static_site.hpp": ["booking/http/http_message.hpp"],
    "booking/auth/auth_service.hpp": ["booking/domain/booking.hpp", "protocol/log/log.hpp"],
    "booking/api/domain_problem.cpp": ["booking/domain/booking.hpp",
                                       "booking/http/http_message.hpp"],
    "booking/api/dispatcher.cpp": ["booking/auth/auth_service.hpp",
                                   "booking/controllers/stream_hub.hpp",
                                   "booking/static/static_site.hpp"],
    "booking/net/server.hpp": ["booking/http/websocket_handler.hpp", "protocol/log/log.hpp"],
    "booking/app/app.cpp": ["booking/net/server.hpp", "booking/api/dispatcher.cpp",
                            "booking/store/store_errc.hpp"],
    "booking/main.cpp": ["booking/app/app.cpp"],
    "door_controller/link/enrolment.cpp": ["protocol/client/https_client.hpp"],
    "door_controller/daemon/door_loop.hpp": ["door_controller/link/enrolment.cpp"],
    "hardware/sim/pn532_chip.hpp": [],
    "tests/unit/booking/api/dispatcher_test.cpp": ["booking/api/dispatcher.cpp",
                                                   "door_controller/link/enrolment.cpp"],
}


def write_tree(root, tree):
    for path, includes in tree.items():
        file = root / path
        file.parent.mkdir(parents=True, exist_ok=True)
        lines = ["// fixture", "#pragma once", "#include <string>"]
        lines += [f'#include "{included}"' for included in includes]
        file.write_text("\n".join(lines) + "\n")


def run_check(root):
    return subprocess.run([sys.executable, str(script), "--root", str(root), "--layers",
                           str(layers)], capture_output=True, text=True, check=False)


class check_includes_test(unittest.TestCase):
    def check_tree_with(self, path, included):
        """Runs the check on the clean tree with `path` also including `included`."""
        tree = {name: list(includes) for name, includes in clean_tree.items()}
        tree.setdefault(path, []).append(included)
        with tempfile.TemporaryDirectory() as directory:
            write_tree(Path(directory), tree)
            return run_check(Path(directory)), 3 + len(tree[path])

    def assert_refused(self, path, included, rule):
        result, line = self.check_tree_with(path, included)
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        findings = result.stdout.splitlines()
        self.assertEqual(len(findings), 1, result.stdout)
        self.assertTrue(findings[0].startswith(f"{path}:{line}: includes {included}: "),
                        findings[0])
        self.assertIn(rule, findings[0])
        self.assertIn("include_layers.txt:", findings[0])

    def test_clean_tree_passes(self):
        with tempfile.TemporaryDirectory() as directory:
            write_tree(Path(directory), clean_tree)
            result = run_check(Path(directory))
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertEqual(result.stdout, "")

    def test_stream_hub_may_not_include_the_api_websocket_handler(self):
        self.assert_refused("booking/controllers/stream_hub.hpp",
                            "booking/api/websocket_handler.hpp",
                            "booking/controllers may not include booking/api")

    def test_controllers_may_not_include_the_api_http_message(self):
        self.assert_refused("booking/controllers/access_change_observer.hpp",
                            "booking/api/http_message.hpp",
                            "booking/controllers may not include booking/api")

    def test_static_may_not_include_the_api_http_message(self):
        self.assert_refused("booking/static/static_site.hpp", "booking/api/http_message.hpp",
                            "booking/static may not include booking/api")

    def test_net_may_not_include_the_api(self):
        self.assert_refused("booking/net/server.hpp", "booking/api/http_message.hpp",
                            "booking/net may not include booking/api")

    def test_api_domain_problem_may_not_include_store_errors(self):
        self.assert_refused("booking/api/domain_problem.cpp", "booking/store/store_errc.hpp",
                            "booking/api may not include booking/store")

    def test_door_enrolment_may_not_include_the_booking_https_client(self):
        self.assert_refused("door_controller/link/enrolment.cpp",
                            "booking/net/https_client.hpp",
                            "door_controller/link may not include booking/net")

    def test_booking_may_not_include_the_door_controller(self):
        self.assert_refused("booking/api/dispatcher.cpp", "door_controller/link/enrolment.cpp",
                            "booking/api may not include door_controller/link")

    def test_protocol_may_not_include_booking(self):
        self.assert_refused("protocol/envelope.hpp", "booking/domain/booking.hpp",
                            "protocol may not include booking/domain")

    def test_an_undeclared_component_folder_fails(self):
        tree = dict(clean_tree)
        tree["booking/board_link/registry.cpp"] = ["booking/domain/booking.hpp"]
        with tempfile.TemporaryDirectory() as directory:
            write_tree(Path(directory), tree)
            result = run_check(Path(directory))
        self.assertEqual(result.returncode, 1, result.stdout + result.stderr)
        self.assertIn("booking/board_link/registry.cpp:1: its folder is not a declared layer",
                      result.stdout)

    def test_commented_lines_and_system_headers_are_not_includes(self):
        tree = dict(clean_tree)
        tree["booking/domain/clock.hpp"] = ["boost/json.hpp"]
        with tempfile.TemporaryDirectory() as directory:
            write_tree(Path(directory), tree)
            (Path(directory) / "booking/domain/note.hpp").write_text(
                '// #include "booking/api/http_message.hpp" was here\n')
            result = run_check(Path(directory))
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
