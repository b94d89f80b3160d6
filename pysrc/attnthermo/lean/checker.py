"""``attnthermo.lean.check``: audit the Lean library, elaborate it, and write its manifest.

1. Source audit (:mod:`attnthermo.lean.audit`): a module using anything outside the allow-list
   fails, by name and line, and is not elaborated; its importers are blocked.
2. Lean: the wasm toolchain elaborates every other module in ONE process (a generated file,
   :mod:`attnthermo.lean.checkfile`), followed by ``#check @T`` for every theorem, ``#print`` for
   every definition and the value bridge's ``#eval``s, and writes the file's ``.olean``; from it
   (:mod:`attnthermo.lean.oleanfacts`) come every theorem's axiom closure, the theorems its proof
   reaches and the structural digests of its types and definitions. A native toolchain compiles
   the modules one by one and runs the same commands plus ``#print axioms`` (and ``#print`` of
   the witnesses) in a file that imports them. Results are cached in sealed entries
   (:mod:`attnthermo.lean.cache`); a cached result whose printed statements do not match the
   source signatures (:mod:`attnthermo.lean.statements`) is discarded and Lean runs again;
   ``fresh`` ignores the cache.
3. The manifest (:mod:`attnthermo.manifest`, schema_version 3): a theorem is "proved" only when
   its module elaborated clean under ``-DwarningAsError=true``, Lean printed its statement, its
   axioms are allowed, and its statement and the definitions it uses match their pins (printed
   text and digest); a headline theorem must also be pinned and applied by a proved witness
   whose statement has no hypotheses left; otherwise failed, blocked, drift or missing, with why.
Only a missing or broken toolchain or an unreadable project raises.
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from attnthermo.errors import DomainError, LeanCheckFailed
from attnthermo.lean.audit import source_findings
from attnthermo.lean.axioms import ALLOWED_AXIOMS, disallowed_axioms, parse_print_axioms
from attnthermo.lean.build import build_modules
from attnthermo.lean.buildpaths import build_dir_for
from attnthermo.lean.cache import discard, load_secret, seal, unseal
from attnthermo.lean.checkfile import CHECK_FILE, CHECK_MODULE, CheckFile, Command, build_check_file
from attnthermo.lean.compiler import Message, compile_file, lean_flags
from attnthermo.lean.filelock import exclusive_lock
from attnthermo.lean.lexer import tokenize
from attnthermo.lean.manifest_file import manifest_in
from attnthermo.lean.oleanfacts import FACTS_FORMAT, read_facts
from attnthermo.lean.pinned import PINNED_FILE, Pins, declaration_commands, load_pins, pin_status, write_pins
from attnthermo.lean.project import Module, Project, load_project
from attnthermo.lean.sources import Declaration, claim_ids, normalise, witness_links
from attnthermo.lean.statements import missing_from_statement
from attnthermo.lean.toolchain import Toolchain, find_toolchain
from attnthermo.lean.values import ValueEntry, load_values, read_values
from attnthermo.manifest import (
    SCHEMA_VERSION, AxiomAudit, CheckRun, ConstantPin, Counts, DeclarationsPin, DefinitionResult, Finding,
    LeanMessage, Manifest, ModuleResult, TheoremResult, ValueResult,
)
from attnthermo.manifest import Toolchain as ToolchainRecord
from attnthermo.paths import project_root

CHECK_FORMAT = 2  # bump when what the cached check holds changes
DEFINITION_KINDS = ("def", "abbrev", "structure", "class", "inductive", "instance")
_VACUOUS = re.compile(r"(?:^|[,→(]\s*)False\s*→|\(\s*[^():]+:\s*False\s*\)")


@dataclass
class LeanRun:
    """What Lean said, mapped back: per-module status and messages, and the output of each
    appended command by ``(kind, name)``."""

    status: dict[str, str]
    blocked_by: dict[str, list[str]]
    messages: dict[str, list[LeanMessage]]
    cached: dict[str, bool]
    seconds: dict[str, float]
    outputs: dict[tuple[str, str], list[Message]] = field(default_factory=dict)
    stray: list[LeanMessage] = field(default_factory=list)
    values_at: dict[int, str] = field(default_factory=dict)
    eval_messages: list[Message] = field(default_factory=list)
    run: CheckRun = field(default_factory=lambda: CheckRun(None, None, 0, 0.0, False, 0.0))  # Lean did not run
    facts: dict | None = None  # what the .olean holds (wasm; see attnthermo.lean.oleanfacts)
    no_facts: str = "not read"  # why there are none


def check(
    root: Path | str | None = None,
    *,
    json_path: Path | str | None = None,
    jobs: int = 2,
    progress: Callable[[str], None] | None = print,
    slots: threading.Semaphore | None = None,
    toolchain: Toolchain | None = None,
    build_dir: Path | None = None,
    fresh: bool = False,
    secret: bytes | None = None,
    source_audit: Callable[[str, str, tuple[str, ...]], list[Finding]] = source_findings,
) -> Manifest:
    """Check the Lean project at ``root`` (default: ``attnthermo.paths.project_root()``).

    Returns the manifest and writes it to the build folder and to ``json_path`` if given.
    ``slots`` bounds the Lean processes shared with other concurrent checks (default: ``jobs``);
    ``toolchain``, ``build_dir`` and ``secret`` (what seals cached results) default to
    ``find_toolchain()``, ``build_dir_for(root, kind)`` and ``load_secret()`` (each reads the
    environment: pass them to fix them before starting a check in another thread). ``fresh`` re-checks from
    scratch: no cached Lean result is used (each is replaced by the new one). ``source_audit`` is
    the audit run on each module's text before Lean (tests pass a weaker one to show what the
    ``.olean`` closure still catches when a spelling slips through).
    Raises ToolchainError when Lean cannot be found or installed, LeanCheckFailed when an import
    resolves to no file or a file cannot be lexed (before any Lean process).
    """
    return _check(root, json_path=json_path, jobs=jobs, progress=progress, slots=slots, pins=None,
                  toolchain=toolchain, build_dir=build_dir, fresh=fresh, secret=secret, source_audit=source_audit)


def _check(root: Path | str | None, *, json_path: Path | str | None, jobs: int,
           progress: Callable[[str], None] | None, slots: threading.Semaphore | None, pins: Pins | None,
           toolchain: Toolchain | None = None, build_dir: Path | None = None, fresh: bool = False,
           secret: bytes | None = None,
           source_audit: Callable[[str, str, tuple[str, ...]], list[Finding]] = source_findings) -> Manifest:
    """``check``, with the pins given (``pin`` ignores the old ones) or read from the project."""
    if not isinstance(jobs, int) or jobs < 1:
        raise DomainError("jobs", jobs, "must be a positive integer (Lean processes at once)")
    say = progress or (lambda _msg: None)
    root = Path(root).resolve() if root is not None else project_root()
    if not root.is_dir():
        raise DomainError("root", str(root), "is not a directory")
    project = load_project(root)
    pins = pins if pins is not None else load_pins(root)
    entries = load_values(root)
    findings = {m.name: source_audit(m.data.decode("utf-8"), m.relpath, project.modules) for m in project.order}
    for name, found in findings.items():
        if found:
            say(f"source audit: {name} refused: " + "; ".join(f.summary() for f in found[:3])
                + (f" (+{len(found) - 3} more)" if len(found) > 3 else ""))
    toolchain = toolchain or find_toolchain(say)
    slots = slots or threading.BoundedSemaphore(jobs)
    build = build_dir or build_dir_for(root, toolchain.kind)
    secret = secret if secret is not None else load_secret()  # one secret for the whole check
    refused = frozenset(n for n, f in findings.items() if f)
    with exclusive_lock(build / ".lock"):
        if toolchain.kind == "wasm":
            run = _run_wasm(project, refused, toolchain, build, entries, slots, say, secret, fresh)
        else:
            run = _run_native(project, refused, toolchain, build, entries, jobs, slots, say, secret, fresh)
        manifest = _manifest(project, toolchain, findings, run, pins, entries)
        text = json.dumps(manifest.to_json(), indent=1, ensure_ascii=False)
        manifest_in(build).write_text(text, encoding="utf-8")
    if json_path is not None:
        Path(json_path).parent.mkdir(parents=True, exist_ok=True)
        Path(json_path).write_text(text, encoding="utf-8")
    return manifest


def pin(root: Path | str | None = None, *, progress: Callable[[str], None] | None = None) -> Path:
    """Rewrite ``bridge/pinned-statements.toml`` from a check's output (Lean's ``#check`` and
    ``#print`` text; the check is cached, so this costs a Lean run only when the library changed).
    Only modules that checked clean are pinned; LeanCheckFailed when none did."""
    manifest = _check(root, json_path=None, jobs=2, progress=progress, slots=None, pins=Pins())
    clean = {n for n, m in manifest.modules.items() if m.status == "ok"}
    if not clean:
        raise LeanCheckFailed("not pinning: no module checked clean (see `attnthermo lean check`)", manifest)
    say = progress or (lambda _msg: None)
    for name, module in manifest.modules.items():
        if name not in clean:
            say(f"pin: {name} is {module.status}; its theorems and definitions are left unpinned")
    theorems = {n: t.statement for n, t in manifest.theorems.items() if t.module in clean and t.statement is not None}
    definitions = {n: d.printed for n, d in manifest.definitions.items() if d.module in clean and d.printed is not None}
    digests = {_lean_name(t.name, t.private): t.digest for t in manifest.theorems.values()
               if t.module in clean and t.digest is not None}
    digests.update({n: c.digest for n, c in manifest.constants.items()})
    declarations = {n: d.commands for n, d in manifest.declarations.items() if n in clean}
    path = write_pins(Path(manifest.root), Pins(theorems, definitions, digests, declarations))
    check(root, progress=None)  # re-assemble the cached manifest against the new pins (no Lean run)
    return path


# ------------------------------------------------------------------------------------ Lean runs


def _value_modules(project: Project, entry: ValueEntry) -> set[str]:
    """The project modules whose declarations a value entry's Lean expression names."""
    owner = {d.name: m.name for m in project.order for d in m.source.declarations}
    return {owner[t.name] for t in tokenize(entry.lean, f"value {entry.id}") if t.kind == "ident" and t.name in owner}


def _evaluable(project: Project, entries: list[ValueEntry], available: list[Module]) -> list[ValueEntry]:
    """The value entries whose Lean expression names only declarations of ``available`` modules."""
    names = {m.name for m in available}
    return [e for e in entries if _value_modules(project, e) <= names]


def _commands(modules: list[Module], entries: list[ValueEntry], native: bool) -> list[Command]:
    theorems = [d for m in modules for d in m.source.declarations if d.kind == "theorem"]
    definitions = [d for m in modules for d in m.source.declarations if _is_named_definition(d)]
    commands = [Command("check", d.name, f"#check @{d.name}") for d in theorems]
    commands += [Command("print", d.name, f"#print {d.name}") for d in definitions]
    commands += [Command("eval", e.id, f"#eval ({e.lean})") for e in entries]
    if native:  # the wasm check reads both from the .olean instead
        commands += [Command("axioms", d.name, f"#print axioms {d.name}") for d in theorems if not d.private]
        commands += [Command("print-proof", d.name, f"#print {d.name}") for d in theorems if _role(d) == "witness"]
    return commands


def _is_named_definition(decl: Declaration) -> bool:
    return decl.kind in DEFINITION_KINDS and not decl.name.rsplit(".", 1)[-1].startswith("_")


def _plan(project: Project, refused: frozenset[str]) -> tuple[list[Module], dict[str, str], dict[str, list[str]]]:
    """Which modules Lean elaborates: all but the refused ones and their importers (blocked)."""
    status: dict[str, str] = {}
    blocked_by: dict[str, list[str]] = {}
    included: list[Module] = []
    for module in project.order:
        causes = sorted({c for d in module.project_imports if status[d] != "pending"
                         for c in (blocked_by[d] or [d])})
        blocked_by[module.name] = causes
        if module.name in refused:
            status[module.name] = "failed"
        elif causes:
            status[module.name] = "blocked"
        else:
            status[module.name] = "pending"
            included.append(module)
    return included, status, blocked_by


def _cached_or_run(build: Path, name: str, key: str, cwd: Path, text: str, toolchain: Toolchain,
                   search_path: list[Path], slots: threading.Semaphore, say: Callable[[str], None],
                   secret: bytes, what: str, last_command: int | None = None, olean: Path | None = None,
                   fresh: bool = False) -> tuple[list[Message], float, bool, int, bool, dict | None, str]:
    """``(messages, seconds, cached, processes, crashed, facts, why no facts)`` for the generated
    file ``name``. Every appended command prints something, so a run with no output for the
    ``last_command`` line stopped part-way (crashed), even when it had reported errors before it
    stopped. With ``olean``, Lean also writes the file's ``.olean`` there and the facts read from
    it (:func:`attnthermo.lean.oleanfacts.read_facts`) are sealed with the messages.
    ``fresh``: Lean runs even when a cached result exists."""
    payload = None if fresh else unseal(build, name, key, say, secret)
    if payload is not None and payload.get("format") == CHECK_FORMAT:
        return ([Message(**m) for m in payload["messages"]], payload["seconds"], True, 0, False,
                payload["facts"], payload["no_facts"])
    cwd.mkdir(parents=True, exist_ok=True)
    (cwd / CHECK_FILE).write_text(text, encoding="utf-8")
    if olean is not None:
        for stale in olean.parent.glob(olean.name + "*"):  # never read a previous run's output
            stale.unlink()
    with slots:
        say(f"Lean {toolchain.version} [{toolchain.kind}]: {what} (one process; a few minutes)")
        compiled = compile_file(toolchain, cwd, CHECK_FILE, search_path=search_path, olean=olean,
                                tick=lambda s: say(f"Lean: still elaborating, {s:.0f} s elapsed"))
    messages = list(compiled.messages)
    stopped = last_command is not None and compiled.returncode != 0 and all(m.line != last_command for m in messages)
    crashed = compiled.crashed or stopped
    if crashed:
        why = "timed out" if compiled.returncode == -1 else f"exited with code {compiled.returncode}"
        said = "before the last check command printed anything" if stopped else "without an error message"
        messages.append(Message("error", 0, 0, 0, f"Lean {why} {said} (out of memory or a broken "
                                f"toolchain?); last output: {' | '.join(compiled.tail[-4:])}", "crash"))
    facts, no_facts = _read_facts(olean, compiled.clean, toolchain, say) if olean is not None else (None, "no .olean asked for")
    if not crashed:
        seal(build, name, {"format": CHECK_FORMAT, "key": key, "seconds": compiled.seconds,
                           "messages": [m.to_json() for m in messages], "facts": facts, "no_facts": no_facts}, secret)
    say(f"Lean: done in {compiled.seconds:.0f} s")
    return messages, compiled.seconds, False, 1, crashed, facts, no_facts


def _read_facts(olean: Path, clean: bool, toolchain: Toolchain, say: Callable[[str], None]) -> tuple[dict | None, str]:
    """The facts of the ``.olean`` Lean just wrote (with its ``.server``/``.private`` parts, which
    hold the proofs), or why there are none. Lean writes no ``.olean`` when it reported an error;
    a clean run without one, or one that cannot be read, raises LeanCheckFailed."""
    if not clean:
        return None, "Lean reported errors, so it wrote no .olean to read the axiom closure from"
    start = time.monotonic()
    facts = read_facts(olean, [Path(p) for p in toolchain.lean_path])
    say(f"axiom closure: {len(facts['theorems'])} theorems, {facts['files']} .olean files read in "
        f"{time.monotonic() - start:.1f} s")
    return facts, ""


def _key(text: str, toolchain: Toolchain, extra: dict | None = None) -> str:
    payload = {"format": CHECK_FORMAT, "file": hashlib.sha256(text.encode()).hexdigest(),
               "toolchain": toolchain.identity, "flags": list(lean_flags(toolchain)), "extra": extra or {}}
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _run_wasm(project: Project, refused: frozenset[str], toolchain: Toolchain, build: Path,
              entries: list[ValueEntry], slots: threading.Semaphore, say: Callable[[str], None],
              secret: bytes, fresh: bool = False) -> LeanRun:
    included, status, blocked_by = _plan(project, refused)
    cf = build_check_file(included, _commands(included, _evaluable(project, entries, included), native=False))

    def new_run() -> LeanRun:
        return LeanRun(dict(status), {k: list(v) for k, v in blocked_by.items()}, {m.name: [] for m in project.order},
                       {m.name: False for m in project.order}, {m.name: 0.0 for m in project.order})

    run = new_run()
    if not included:
        return _settle(project, run)
    start = time.monotonic()
    for attempt_fresh in (fresh, True):
        messages, seconds, cached, processes, crashed, facts, no_facts = _cached_or_run(
            build, "check", _key(cf.text, toolchain, {"facts": FACTS_FORMAT}), build / "check", cf.text, toolchain, [],
            slots, say, secret, f"elaborating {len(included)} module(s) and {len(cf.commands)} check commands",
            max(cf.commands, default=None), olean=build / "check" / "olean" / f"{CHECK_MODULE}.olean",
            fresh=attempt_fresh,
        )
        run = new_run()
        run.facts, run.no_facts = facts, no_facts
        _map_messages(run, cf, messages, crashed, included)
        if not cached or not _cache_contradicts_sources(run, included, build, say):
            break
    for module in included:
        run.cached[module.name], run.seconds[module.name] = cached, seconds
    closure = sum((run.facts or {}).get("seconds", {}).values())
    run.run = CheckRun(file=str(build / "check" / CHECK_FILE), sha256=cf.sha256, processes=processes,
                       seconds=round(time.monotonic() - start, 1), cached=cached, closure_seconds=round(closure, 2))
    _settle(project, run)
    for i, module in enumerate(project.order, start=1):
        errors = [m.summary() for m in run.messages[module.name] if m.severity == "error"]
        why = {"blocked": f" (blocked by {', '.join(run.blocked_by[module.name])})",
               "failed": f": {'; '.join(errors[:2])}" if errors else " (refused by the source audit)"}
        say(f"[{i}/{len(project.order)}] {module.name}: {run.status[module.name]}"
            f"{why.get(run.status[module.name], '')}{' (cached)' if run.cached[module.name] else ''}")
    return run


def _cache_contradicts_sources(run: LeanRun, modules: list[Module], build: Path, say: Callable[[str], None]) -> bool:
    """Whether a cached result prints a statement its source signature cannot have (a numeral or
    name of the signature missing, :func:`missing_from_statement`); if so its entry is discarded."""
    wrong = []
    for module in modules:
        for decl in module.source.declarations:
            statement = _statement(decl.name, _info(run, "check", decl.name)[0]) if decl.kind == "theorem" else None
            missing = missing_from_statement(decl.signature, statement) if statement is not None else []
            if missing:
                wrong.append(f"{decl.name} ({module.relpath}:{decl.line}) lacks {', '.join(missing)}")
    if wrong:
        discard(build, "check")
        say(f"cache: the cached Lean result does not match the sources it claims to be of: {'; '.join(wrong[:3])}"
            f"{f' (+{len(wrong) - 3} more)' if len(wrong) > 3 else ''}: discarded, re-checking")
    return bool(wrong)


def _map_messages(run: LeanRun, cf: CheckFile, messages: list[Message], crashed: bool, included: list[Module]) -> None:
    for message in messages:
        module, file, line = cf.locate(message.line)
        record = LeanMessage(message.severity, file, line, message.text, message.kind)
        command = cf.commands.get(message.line)
        if module is not None:
            run.messages[module].append(record)
        elif command is not None:
            run.outputs.setdefault((command.kind, command.name), []).append(message)
            if command.kind == "eval":
                run.eval_messages.append(message)
        elif crashed:
            for m in included:
                run.messages[m.name].append(record)
        else:
            run.stray.append(record)
    run.values_at = {line: c.name for line, c in cf.commands.items() if c.kind == "eval"}


def _settle(project: Project, run: LeanRun) -> LeanRun:
    """Final module statuses: errors fail a module; a module importing a failed one is blocked."""
    for module in project.order:
        if run.status[module.name] != "pending":
            continue
        causes = sorted({c for d in module.project_imports if run.status[d] != "ok"
                         for c in (run.blocked_by[d] or [d])})
        if any(m.severity == "error" for m in run.messages[module.name]):
            run.status[module.name] = "failed"
        elif causes:
            run.status[module.name], run.blocked_by[module.name] = "blocked", causes
        else:
            run.status[module.name] = "ok"
    return run


def _run_native(project: Project, refused: frozenset[str], toolchain: Toolchain, build: Path,
                entries: list[ValueEntry], jobs: int, slots: threading.Semaphore,
                say: Callable[[str], None], secret: bytes, fresh: bool = False) -> LeanRun:
    results = build_modules(project, toolchain, build, jobs=jobs, slots=slots, progress=say, refused=refused,
                            fresh=fresh, secret=secret)
    run = LeanRun(
        status={n: r.status for n, r in results.items()},
        blocked_by={n: list(r.blocked_by) for n, r in results.items()},
        messages={m.name: [LeanMessage(x.severity, m.relpath, x.line, x.text, x.kind) for x in results[m.name].messages]
                  for m in project.order},
        cached={n: r.cached for n, r in results.items()},
        seconds={n: r.seconds for n, r in results.items()},
    )
    ok = [m for m in project.order if results[m.name].status == "ok"]
    if not ok:
        return run
    commands = _commands(ok, _evaluable(project, entries, ok), native=True)
    lines = [f"import {m.name}" for m in ok] + [""]
    at: dict[int, Command] = {}
    for command in commands:
        lines.append(command.text)
        at[len(lines)] = command
    cf = CheckFile("\n".join(lines) + "\n", (), at)
    start = time.monotonic()
    for attempt_fresh in (fresh, True):
        messages, _seconds, cached, processes, crashed, _facts, run.no_facts = _cached_or_run(
            build, "check", _key(cf.text, toolchain, {m.name: results[m.name].key for m in ok}), build / "check",
            cf.text, toolchain, [build / "olean"], slots, say, secret, f"#check/#print/#print axioms for {len(ok)} module(s)",
            max(at, default=None), fresh=attempt_fresh,
        )
        run.outputs, run.stray, run.eval_messages = {}, [], []  # what a discarded cached result said is dropped
        _map_messages(run, cf, messages, crashed, [])
        if not cached or not _cache_contradicts_sources(run, ok, build, say):
            break
    if crashed:
        run.stray += [LeanMessage(m.severity, CHECK_FILE, m.line, m.text, m.kind) for m in messages if m.kind == "crash"]
    run.run = CheckRun(file=str(build / "check" / CHECK_FILE), sha256=cf.sha256,
                       processes=processes + sum(1 for n, r in results.items()
                                                 if not r.cached and r.status != "blocked" and n not in refused),
                       seconds=round(time.monotonic() - start, 1), cached=cached, closure_seconds=0.0)
    return run


# ------------------------------------------------------------------------------------ manifest


def _info(run: LeanRun, kind: str, name: str) -> tuple[str | None, str | None]:
    """``(text of the information message, first error)`` of one appended command."""
    info = error = None
    for message in run.outputs.get((kind, name), []):
        if message.severity == "information" and info is None:
            info = message.text
        elif message.severity == "error" and error is None:
            error = message.text.strip().splitlines()[0] if message.text.strip() else message.kind
    return info, error


def _statement(name: str, printed: str | None) -> str | None:
    """The type in ``#check @name`` output (``@A.t : ∀ …`` -> ``∀ …``), whitespace-normalised."""
    if printed is None:
        return None
    text = normalise(printed)
    for prefix in (f"@{name} : ", f"{name} : "):
        if text.startswith(prefix):
            return text[len(prefix):]
    return text


def _role(decl: Declaration) -> str:
    if claim_ids(decl.docstring):
        return "headline"
    if witness_links(decl.docstring) or decl.name.endswith("_witness"):
        return "witness"
    return "supporting"


def _uses(texts: list[str | None], definitions: dict[str, DefinitionResult]) -> list[str]:
    """Project definitions named in ``texts`` and, transitively, in their printed bodies."""
    found: set[str] = set()
    stack = [t for t in texts if t]
    while stack:
        try:
            tokens = tokenize(stack.pop())
        except LeanCheckFailed:
            continue
        for tok in tokens:
            if tok.kind != "ident":
                continue
            parts = tok.name.split(".")
            for k in range(len(parts), 0, -1):
                candidate = ".".join(parts[:k])
                if candidate in definitions and candidate not in found:
                    found.add(candidate)
                    stack.append(definitions[candidate].printed or "")
                    break
    return sorted(found)


def _lean_name(name: str, private: bool) -> str:
    """The name Lean gives a declaration of the check file (a private one is mangled)."""
    return f"_private.{CHECK_MODULE}.0.{name}" if private else name


def _fact(run: LeanRun, decl: Declaration) -> dict | None:
    """What the ``.olean`` says about theorem ``decl`` (None: no facts, or not in them)."""
    return (run.facts or {}).get("theorems", {}).get(_lean_name(decl.name, decl.private))


def _axiom_audit(decl: Declaration, run: LeanRun, native: bool) -> tuple[list[str], AxiomAudit]:
    """``(the axioms, how they were found)`` of one theorem."""
    if native:
        answer, error = _info(run, "axioms", decl.name)
        axioms = parse_print_axioms(answer or "").get(decl.name)
        if axioms is None:
            return [], AxiomAudit("print-axioms", False, [f"#print axioms gave no answer ({error or 'no output'})"], {})
        bad = disallowed_axioms(axioms)
        return sorted(axioms), AxiomAudit("print-axioms", not bad, bad, {})
    fact = _fact(run, decl)
    if fact is None:
        why = run.no_facts if run.facts is None else \
            f"{_lean_name(decl.name, decl.private)} is not among the theorems of the .olean Lean wrote"
        return [], AxiomAudit("olean-closure", False, [why], {})
    bad = [f"{a} (via {' → '.join(fact['paths'][a])})" for a in disallowed_axioms(fact["axioms"])]
    return list(fact["axioms"]), AxiomAudit("olean-closure", not bad, bad, fact["paths"])


def _theorem(decl: Declaration, after: int, module: Module, run: LeanRun, findings: list[Finding], pins: Pins,
             definitions: dict[str, DefinitionResult], native: bool) -> TheoremResult:
    """One theorem's entry; findings after line ``after`` (the end of the previous declaration),
    such as a ``set_option … in`` prefix, count as its own. (A headline theorem's witness is
    checked afterwards, by :func:`_witnessed`.)"""
    printed, check_error = _info(run, "check", decl.name)
    statement = _statement(decl.name, printed)
    fact = _fact(run, decl)
    digest = fact["digest"] if fact is not None else None
    pinned = pin_status(decl.name, statement, pins.theorems, digest, pins.digests, _lean_name(decl.name, decl.private))
    uses = _uses([statement], definitions)
    axioms, audit = _axiom_audit(decl, run, native)
    mod_status = run.status[module.name]
    own_findings = [f for f in findings if after < f.line <= decl.end_line]
    own_errors = [m for m in run.messages[module.name] if m.severity == "error" and decl.first_line <= m.line <= decl.end_line]
    drifted = [d for d in uses if definitions[d].pinned == "drift"]
    role = _role(decl)
    if mod_status == "blocked":
        status = "blocked"
        reason = f"not proved (blocked by {', '.join(run.blocked_by[module.name])}, which did not check clean)"
    elif own_findings:
        status, reason = "failed", "source audit refused: " + "; ".join(f.summary() for f in own_findings)
    elif mod_status == "failed" and own_errors:
        status, reason = "failed", "; ".join(m.summary() for m in own_errors)
    elif mod_status == "failed":
        first = (findings[0].summary() if findings else
                 next((m.summary() for m in run.messages[module.name] if m.severity == "error"), "no message"))
        status, reason = "blocked", f"not proved (its module {module.relpath} did not check clean: {first})"
    elif statement is None:
        status = "missing"
        reason = (f"Lean printed no statement for it (`#check @{decl.name}`: {check_error or 'no output'}): "
                  "it was never elaborated, so it is not proved")
    elif not audit.ok and (native or run.facts is not None):
        status, reason = "failed", f"proof rests on disallowed axiom(s): {'; '.join(audit.found)}"
    elif _VACUOUS.search(statement):
        status, reason = "failed", f"vacuous: Lean's statement assumes False ({statement})"
    elif pinned == "drift":
        status = "drift"
        reason = (f"Lean's statement differs from the one pinned in {PINNED_FILE} (printed text or structural "
                  f"digest): pinned `{pins.theorems[decl.name]}`, Lean `{statement}` (review it, then run "
                  "`attnthermo lean pin`)")
    elif drifted:
        status = "drift"
        reason = (f"uses definition(s) {', '.join(drifted)} whose body differs from the pin in {PINNED_FILE} "
                  "(review it, then run `attnthermo lean pin`)")
    elif not audit.ok:
        status, reason = "blocked", f"not proved: no axiom closure ({'; '.join(audit.found)})"
    elif role == "headline" and pinned != "match":
        status, reason = "failed", (f"headline theorem not pinned in {PINNED_FILE}: a headline theorem is proved "
                                    "only against a reviewed pin (run `attnthermo lean pin` and review the diff)")
    else:
        status, reason = "proved", None
    return TheoremResult(
        name=decl.name, module=module.name, file=module.relpath, line=decl.line, role=role,
        statement=statement, signature=decl.signature, docstring=decl.docstring, claims=claim_ids(decl.docstring),
        witnesses=witness_links(decl.docstring), private=decl.private, uses=uses, pinned=pinned, digest=digest,
        axioms=axioms, axiom_audit=audit, status=status, reason=reason,
    )


def _closed(statement: str) -> bool:
    """Native only (no .olean read): whether a printed statement has no leading ∀ and no → outside
    brackets, i.e. no hypothesis left."""
    if statement.startswith("∀"):
        return False
    depth = 0
    for ch in statement:
        depth += (ch in "([{⟨") - (ch in ")]}⟩")
        if ch == "→" and depth == 0:
            return False
    return True


def _applies(witness: TheoremResult, headline: TheoremResult, run: LeanRun, native: bool) -> bool:
    """Whether ``witness`` has no hypotheses left and its proof reaches ``headline``: from the
    ``.olean`` (its type is not a ∀/→; the closure of its proof holds the headline theorem), or
    natively from Lean's printed statement and proof term (the headline theorem named in it)."""
    if native:
        proof, _error = _info(run, "print-proof", witness.name)
        named = proof is not None and any(t.kind == "ident" and t.name == headline.name
                                          for t in tokenize(proof, f"#print {witness.name}"))
        return named and witness.statement is not None and _closed(witness.statement)
    fact = (run.facts or {}).get("theorems", {}).get(_lean_name(witness.name, witness.private))
    return fact is not None and fact["closed"] and _lean_name(headline.name, headline.private) in fact["reaches"]


def _witnessed(theorems: dict[str, TheoremResult], run: LeanRun, native: bool) -> dict[str, TheoremResult]:
    """Every proved headline theorem that no proved witness applies becomes failed."""
    witnesses = [t for t in theorems.values() if t.role == "witness" and t.status == "proved"]
    out = dict(theorems)
    for name, theorem in theorems.items():
        if theorem.role != "headline" or theorem.status != "proved":
            continue
        if not any(_applies(w, theorem, run, native) for w in witnesses):
            out[name] = replace(theorem, status="failed", reason=(
                "no witness applies it: no proved witness whose statement has no hypotheses left (no leading ∀/→) "
                f"uses {name} in its proof, so its hypotheses may be unsatisfiable (add one, tagged "
                f"``Non-vacuity: `{name}` ``)"))
    return out


def _constant_pins(run: LeanRun, pins: Pins, definitions: dict[str, DefinitionResult]) -> dict[str, ConstantPin]:
    """Every definition, instance and inductive type of the ``.olean`` against its pinned digest."""
    out: dict[str, ConstantPin] = {}
    for name, digest in sorted((run.facts or {}).get("definitions", {}).items()):
        state = "unpinned" if name not in pins.digests else "match" if pins.digests[name] == digest else "drift"
        out[name] = ConstantPin(digest, state)
    return out


def _declaration_pins(project: Project, run: LeanRun, pins: Pins) -> dict[str, DeclarationsPin]:
    """Each checked module's attribute/instance/local/scoped/notation-like commands against the pin."""
    out: dict[str, DeclarationsPin] = {}
    for module in project.order:
        if run.status[module.name] != "ok":
            continue
        commands = declaration_commands(module.data.decode("utf-8"), module.relpath)
        if module.name in pins.declarations:
            state = "match" if pins.declarations[module.name] == commands else "drift"
        else:
            state = "match" if not commands else "unpinned"
        out[module.name] = DeclarationsPin(commands, state)
    return out


def _manifest(project: Project, toolchain: Toolchain, findings: dict[str, list[Finding]], run: LeanRun,
              pins: Pins, entries: list[ValueEntry]) -> Manifest:
    native = toolchain.kind == "native"
    definitions: dict[str, DefinitionResult] = {}
    for module in project.order:
        for decl in module.source.declarations:
            if _is_named_definition(decl):
                printed, _ = _info(run, "print", decl.name)
                text = normalise(printed) if printed is not None else None
                lean_name = _lean_name(decl.name, decl.private)
                digest = (run.facts or {}).get("definitions", {}).get(lean_name)
                definitions[decl.name] = DefinitionResult(
                    decl.name, module.name, module.relpath, decl.line, decl.kind, text, digest,
                    pin_status(decl.name, text, pins.definitions, digest, pins.digests, lean_name))
    modules: dict[str, ModuleResult] = {}
    theorems: dict[str, TheoremResult] = {}
    failures: list[str] = []
    for module in project.order:
        found = findings[module.name]
        modules[module.name] = ModuleResult(
            name=module.name, file=module.relpath, source_sha256=module.source_sha256,
            imports=list(module.source.imports), status=run.status[module.name],
            blocked_by=run.blocked_by[module.name] if run.status[module.name] == "blocked" else [],
            findings=found, messages=run.messages[module.name], cached=run.cached[module.name],
            seconds=run.seconds[module.name],
        )
        failures += [f"source audit: {f.summary()}" for f in found]
        failures += [f"{module.name}: {m.summary()}" for m in run.messages[module.name]
                     if m.severity == "error" and module.source.declaration_at(m.line) is None]
        after = 0
        for decl in module.source.declarations:
            if decl.kind == "theorem":
                theorems[decl.name] = _theorem(decl, after, module, run, found, pins, definitions, native)
            after = decl.end_line
    theorems = _witnessed(theorems, run, native)
    failures += [f"{t.name} [{t.status}]: {t.reason}" for t in theorems.values() if t.status != "proved"]
    failures += [f"{CHECK_FILE}: {m.summary()}" for m in run.stray if m.severity == "error"]
    missing = sorted(set(pins.theorems) - set(theorems))
    failures += [f"{name} [missing]: pinned in {PINNED_FILE} but not in the sources" for name in missing]
    for name, definition in definitions.items():
        if definition.pinned == "drift" and run.status[definition.module] == "ok":
            failures.append(f"definition {name} [drift]: Lean prints `{definition.printed}`, pinned "
                            f"`{pins.definitions[name]}` (printed text or structural digest differs; review it, "
                            "then run `attnthermo lean pin`)")
    failures += [f"definition {name} [missing]: pinned in {PINNED_FILE} but not in the sources"
                 for name in sorted(set(pins.definitions) - set(definitions))]
    constants = _constant_pins(run, pins, definitions)
    named = {n for d in definitions.values() if d.pinned == "drift" and run.status[d.module] == "ok"
             for n in (d.name, _lean_name(d.name, True))}  # reported above already
    failures += [f"constant {n} [{c.pinned}]: its structural digest (definition, instance or inductive type as "
                 f"Lean built it) {'is not pinned' if c.pinned == 'unpinned' else 'differs from the pin'} in "
                 f"{PINNED_FILE} (review it, then run `attnthermo lean pin`)"
                 for n, c in constants.items() if c.pinned != "match" and n not in named]
    declarations = _declaration_pins(project, run, pins)
    for name, d in declarations.items():
        if d.pinned != "match":
            was = pins.declarations.get(name, [])
            added = [c for c in d.commands if c not in was]
            removed = [c for c in was if c not in d.commands]
            failures.append(f"module {name} [{'drift' if d.pinned == 'drift' else 'unpinned'}]: its attribute/instance/"
                            f"local/scoped/notation commands differ from {PINNED_FILE}: new {added}, gone {removed} "
                            "(review them, then run `attnthermo lean pin`)")
    values, values_status = _values(project, run, entries)
    failures += [f"value {v.id}: {v.error}" for v in values.values() if v.result is None]
    return Manifest(
        schema_version=SCHEMA_VERSION, root=str(project.root),
        toolchain=ToolchainRecord(toolchain.kind, toolchain.version, toolchain.detail), flags=list(lean_flags(toolchain)),
        axiom_audit="print-axioms" if native else "olean-closure", allowed_axioms=list(ALLOWED_AXIOMS),
        pinned_sha256=pins.sha256, pinned_missing=missing, constants=constants, declarations=declarations,
        ok=not failures, failures=failures, counts=_counts(theorems), check=run.run, modules=modules,
        theorems=theorems, definitions=definitions, values_status=values_status, values=values,
    )


def _values(project: Project, run: LeanRun, entries: list[ValueEntry]) -> tuple[dict[str, ValueResult], str]:
    """Every entry's value; an entry whose modules did not check clean is blocked (no value)."""
    if not entries:
        return {}, "none"
    values = read_values(entries, run.values_at, run.eval_messages)
    blocked = False
    for entry in entries:
        needs = _value_modules(project, entry)
        if entry.id not in run.values_at.values() or any(run.status[m] != "ok" for m in needs):
            blocked = True
            values[entry.id] = ValueResult(entry.id, entry.lean, entry.python, entry.args, None, None,
                                           f"blocked: {', '.join(sorted(m for m in needs if run.status[m] != 'ok'))} "
                                           "did not check clean")
    if all(v.result is not None for v in values.values()):
        return values, "ok"
    return values, "blocked" if blocked else "failed"


def _counts(theorems: dict[str, TheoremResult]) -> Counts:
    def count(role: str, proved: bool = False) -> int:
        return sum(1 for t in theorems.values() if t.role == role and (not proved or t.status == "proved"))

    return Counts(count("headline"), count("witness"), count("supporting"),
                  count("headline", True), count("witness", True), count("supporting", True))
