#!/usr/bin/env python3
"""Checks that sdk/README.md shows the examples that tst_readme_examples.cpp compiles and runs.

Every ```cpp block of the README must appear verbatim in the test source, and every block the
test source marks with "// ---- README example: NAME ----" ... "// ---- end ----" must appear
verbatim as a README block. Usage: check_readme_snippets.py README.md tst_readme_examples.cpp
"""
import re
import sys


def main() -> int:
    readme_path, source_path = sys.argv[1], sys.argv[2]
    readme = open(readme_path, encoding="utf-8").read()
    source = open(source_path, encoding="utf-8").read()

    blocks = re.findall(r"^```cpp\n(.*?)^```", readme, flags=re.S | re.M)
    examples = re.findall(r"^// ---- README example: (.*?) ----\n(.*?)^// ---- end ----\n", source, flags=re.S | re.M)
    failures = []
    if not blocks:
        failures.append(f"{readme_path}: no ```cpp blocks")
    if not examples:
        failures.append(f"{source_path}: no README example markers")
    for block in blocks:
        if block not in source:
            first = block.strip().splitlines()[0] if block.strip() else "(empty)"
            failures.append(f"README block starting {first!r} is not in {source_path} verbatim")
    for name, body in examples:
        if body not in blocks:
            failures.append(f"example {name!r} of {source_path} is not a README block verbatim")
    for f in failures:
        print("FAIL:", f)
    print(f"readme snippets: {len(blocks)} README blocks, {len(examples)} compiled examples, "
          f"{len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
