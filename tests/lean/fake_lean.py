"""A stand-in for the `lean` executable, for testing the checker without minutes per file.

Understands `--json -D... [-o OUT] FILE`: a line containing `FAIL` gives an error message at that
line (exit 1); otherwise OUT is written. `#eval (EXPR)` prints EXPR (`(1 : Rat)/2` for a name
ending in `.half`), `#check @NAME` prints
`@NAME : True`, `#print NAME` prints `theorem NAME : True := trivial` (or `def NAME …` for a name
containing `def`, and a body `sorry` for a name containing `sorried`), `#print axioms NAME` prints
that it depends on no axioms; all as information messages. Each run appends `start FILE` /
`end FILE` to $FAKE_LEAN_LOG and sleeps $FAKE_LEAN_SECONDS.
"""

import json
import os
import sys
import time


def reply(line: str) -> tuple[str, str] | None:
    if "FAIL" in line:
        return "error", "unsolved goals"
    if line.startswith("#eval ("):
        expr = line[len("#eval ("):-1]
        return "information", "(1 : Rat)/2" if expr.endswith(".half") else expr
    if line.startswith("#check @"):
        return "information", f"{line[len('#check '):]} : True"
    if line.startswith("#print axioms "):
        return "information", f"'{line.split()[-1]}' does not depend on any axioms"
    if line.startswith("#print "):
        name = line.split()[-1]
        if "def" in name.lower().rsplit(".", 1)[-1]:
            return "information", f"def {name} : Nat :=\n1"
        return "information", f"theorem {name} : True :=\n{'sorry' if 'sorried' in name else 'trivial'}"
    return None


def main() -> int:
    args = sys.argv[1:]
    out = args[args.index("-o") + 1] if "-o" in args else None
    source = args[-1]
    log = os.environ["FAKE_LEAN_LOG"]
    with open(log, "a") as handle:
        handle.write(f"start {source}\n")
    time.sleep(float(os.environ.get("FAKE_LEAN_SECONDS", "0")))
    print("[DEBUG:A] noise before the messages")
    failed = False
    for number, line in enumerate(open(source).read().splitlines(), start=1):
        message = reply(line)
        if message:
            failed = failed or message[0] == "error"
            print(json.dumps({"caption": "", "data": message[1], "pos": {"line": number, "column": 0},
                              "endPos": {"line": number, "column": 4}, "fileName": source,
                              "kind": "[anonymous]", "severity": message[0]}))
    if out and not failed:
        with open(out, "w") as handle:
            handle.write("olean")
    with open(log, "a") as handle:
        handle.write(f"end {source}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
