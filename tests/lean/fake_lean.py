"""A stand-in for the `lean` executable, for testing the checker without minutes per file.

Understands `--json -D... [-o OUT] FILE`: a line containing `FAIL` gives an error message at that
line (exit 1); otherwise OUT is written. `#eval (EXPR)` prints EXPR (`(1 : Rat)/2` for a name
ending in `.half`), `#check @NAME` prints
`@NAME : True`, `#print NAME` prints `theorem NAME : True := trivial` (or `def NAME …` for a name
containing `def`, and a body `sorry` for a name containing `sorried`), `#print axioms NAME` prints
that it depends on no axioms; all as information messages. A `#print` of a name ending in
`_witness` shows a proof that uses the name without that suffix. With `-o OUT`, OUT.private gets
JSON standing in for what the checker reads from a real `.olean` (see `fake_facts`: digest
`d-NAME`, `sorryAx` for a name containing `sorried`, a `NAME_witness` reaching NAME).
Each run appends `start FILE` / `end FILE` to $FAKE_LEAN_LOG and sleeps $FAKE_LEAN_SECONDS.
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
        body = "sorry" if "sorried" in name else name.removesuffix("_witness") if name.endswith("_witness") else "trivial"
        return "information", f"theorem {name} : True :=\n{body}"
    return None


def fake_facts(text: str) -> dict:
    """The facts a real check would read from the .olean, made up from the check file's commands."""
    theorems = [line.split("@", 1)[1] for line in text.splitlines() if line.startswith("#check @")]
    definitions = [line.split()[-1] for line in text.splitlines()
                   if line.startswith("#print ") and "def" in line.split()[-1].lower().rsplit(".", 1)[-1]]
    facts = {"theorems": {}, "definitions": {f"fake.instance": "d-fake.instance", **{d: f"d-{d}" for d in definitions}},
             "environment_sha256": "0" * 64, "files": 1, "format": 1, "seconds": {"read": 0.0, "walk": 0.0}}
    for name in theorems:
        axioms = ["sorryAx"] if "sorried" in name else []
        facts["theorems"][name] = {"digest": f"d-{name}", "closed": True, "axioms": axioms,
                                   "paths": {a: [name, a] for a in axioms},
                                   "reaches": [name.removesuffix("_witness")] if name.endswith("_witness") else []}
    return facts


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
        with open(out + ".private", "w") as handle:
            json.dump(fake_facts(open(source).read()), handle)
    with open(log, "a") as handle:
        handle.write(f"end {source}\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
