#!/usr/bin/env python3
"""Fails on an include that points the wrong way between Hubgate's folders.

The allowed directions are declared in include_layers.txt beside this script (one layer per
line, `folder: folders it may include`); every C++ file under the declared folders is read and
each project include (`#include "booking/..."`) is checked against its layer's line. Prints one
`file:line: ...` finding per violation and exits 1 if there is any, 0 otherwise.
Usage: check_includes.py [--root DIR] [--layers FILE]
"""

import argparse
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

cpp_suffixes = {".cpp", ".hpp", ".h", ".c", ".cc", ".ipp"}
include_line = re.compile(r'^\s*#\s*include\s*[<"]([^">]+)[">]')
skipped_dirs = {"node_modules", "build", ".git"}


@dataclass
class layer:
    name: str  # "booking/api", or "booking/" for the files directly in booking/
    own_files_only: bool
    allowed: list = field(default_factory=list)  # names, or "booking/*" patterns
    line: int = 0

    @property
    def folder(self):
        return self.name.rstrip("/")


class layer_table:
    def __init__(self, layers):
        self.layers = {l.folder: l for l in layers}
        self.tops = sorted({l.folder.split("/")[0] for l in layers})

    def layer_of(self, path):
        """The layer a repository-relative file path belongs to, or None if undeclared."""
        parts = path.split("/")[:-1]
        for depth in range(len(parts), 0, -1):
            found = self.layers.get("/".join(parts[:depth]))
            if found is None:
                continue
            if found.own_files_only and depth != len(parts):
                return None  # a sub-folder of a split folder that is not declared itself
            return found
        return None

    def may_include(self, source, target):
        if source is target:
            return True
        for allowed in source.allowed:
            if allowed.endswith("/*"):
                prefix = allowed[:-2]
                if target.folder == prefix or target.folder.startswith(prefix + "/"):
                    return True
            elif allowed.rstrip("/") == target.folder:
                return True
        return False


def read_layers(path):
    layers = []
    problems = []
    for number, raw in enumerate(Path(path).read_text().splitlines(), 1):
        text = raw.split("#", 1)[0].strip()
        if not text:
            continue
        if raw[0].isspace() and layers:  # an indented line continues the layer above
            layers[-1].allowed += text.split()
            continue
        name, colon, rest = text.partition(":")
        name = name.strip()
        if not colon or not name:
            problems.append(f"{path}:{number}: expected `folder: folders it may include`")
            continue
        layers.append(layer(name, name.endswith("/"), rest.split(), number))
    known = {l.folder for l in layers}
    for l in layers:
        for allowed in l.allowed:
            base = allowed[:-2] if allowed.endswith("/*") else allowed.rstrip("/")
            if base not in known and not allowed.endswith("/*"):
                problems.append(f"{path}:{l.line}: {l.name} may include {allowed}, "
                                "which is not a declared layer")
    return layers, problems


def source_files(root, tops):
    for top in tops:
        for directory, dirs, files in os.walk(root / top):
            dirs[:] = sorted(d for d in dirs if d not in skipped_dirs)
            for name in sorted(files):
                if Path(name).suffix in cpp_suffixes:
                    yield (Path(directory) / name).relative_to(root).as_posix()


def findings(root, table, layers_path):
    for path in source_files(root, table.tops):
        source = table.layer_of(path)
        if source is None:
            yield (f"{path}:1: its folder is not a declared layer; add it to {layers_path} "
                   "with the folders it may include")
            continue
        text = (root / path).read_text(errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            match = include_line.match(line)
            if not match:
                continue
            included = match.group(1)
            if included.split("/")[0] not in table.tops:
                continue  # a system or library header, or a same-folder relative include
            target = table.layer_of(included)
            if target is None:
                yield (f"{path}:{number}: includes {included}, whose folder is not a declared "
                       f"layer in {layers_path}")
            elif not table.may_include(source, target):
                allowed = " ".join(source.allowed) or "nothing outside itself"
                yield (f"{path}:{number}: includes {included}: {source.name} may not include "
                       f"{target.name} (rule {layers_path}:{source.line}: {source.name} may "
                       f"include {allowed})")


def main():
    here = Path(__file__).resolve().parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=here.parent, type=Path,
                        help="the source tree to check (default: this repository)")
    parser.add_argument("--layers", default=here / "include_layers.txt", type=Path,
                        help="the layer table (default: include_layers.txt beside this script)")
    args = parser.parse_args()
    root = args.root.resolve()
    layers, problems = read_layers(args.layers)
    for problem in problems:
        print(problem)
    if problems:
        return 2
    try:
        shown_layers = args.layers.resolve().relative_to(root).as_posix()
    except ValueError:
        shown_layers = str(args.layers)
    found = list(findings(root, layer_table(layers), shown_layers))
    for finding in found:
        print(finding)
    if found:
        print(f"check_includes: {len(found)} include(s) against the layer order", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
