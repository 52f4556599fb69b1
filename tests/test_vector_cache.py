"""The vector cache shared by stores: a text is encoded once, the model loads only for a miss, failures degrade."""

from __future__ import annotations

import numpy as np
import pytest

from careerpath import embed
from careerpath.embed import HashingEmbedder
from careerpath.vector_cache import CachedEmbedder, cache_path


class Counting(HashingEmbedder):
    """The stand-in model, counting the texts it is asked to encode and how often it was loaded."""

    loads = 0

    def __init__(self) -> None:
        Counting.loads += 1
        self.seen: list[str] = []

    def encode(self, texts, *, batch_size=32, progress=False, max_tokens=None):
        self.seen += list(texts)
        return super().encode(texts, batch_size=batch_size, max_tokens=max_tokens)


@pytest.fixture()
def fresh():
    Counting.loads = 0
    yield


def test_a_text_is_encoded_once_across_runs(tmp_path, fresh) -> None:
    path = tmp_path / "v.sqlite"
    first = CachedEmbedder(Counting, "m", path, version="1")
    a = first.encode(["data engineer", "nurse", "data engineer"])
    assert first._inner.seen == ["data engineer", "nurse"]  # a repeated text is encoded once
    second = CachedEmbedder(Counting, "m", path, version="1")  # a later build: a new process, the same file
    b = second.encode(["nurse", "data engineer"])
    assert second._inner is None and Counting.loads == 1  # every text was cached: the model never loaded
    np.testing.assert_array_equal(b, a[[1, 0]])
    np.testing.assert_array_equal(a, HashingEmbedder().encode(["data engineer", "nurse", "data engineer"]))
    c = second.encode(["nurse", "chef"], max_tokens=1)  # truncation is part of the key: "nurse" again
    assert second._inner.seen == ["nurse", "chef"] and c.shape == (2, embed.DIM)


def test_a_new_model_release_does_not_reuse_vectors(tmp_path, fresh) -> None:
    path = tmp_path / "v.sqlite"
    CachedEmbedder(Counting, "m", path, version="1").encode(["nurse"])
    later = CachedEmbedder(Counting, "m", path, version="2")
    later.encode(["nurse"])
    assert later._inner.seen == ["nurse"]


def test_an_unusable_cache_is_reported_and_skipped(tmp_path, capsys, fresh) -> None:
    bad = tmp_path / "not-a-db.sqlite"
    bad.write_bytes(b"this is no sqlite file" * 100)
    e = CachedEmbedder(Counting, "m", bad, version="1")
    out = e.encode(["nurse", "chef"])
    np.testing.assert_array_equal(out, HashingEmbedder().encode(["nurse", "chef"]))
    assert e._inner.seen == ["nurse", "chef"]
    err = capsys.readouterr().err
    assert str(bad) in err and "going on without it" in err and len(err.strip().splitlines()) == 1
    e.encode(["nurse"])  # no second complaint, no retry
    assert capsys.readouterr().err == ""


def test_where_the_cache_lives(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("CAREERPATH_CACHE", "off")
    assert cache_path() is None
    monkeypatch.setenv("CAREERPATH_CACHE", str(tmp_path / "x.sqlite"))
    assert cache_path() == tmp_path / "x.sqlite"
    monkeypatch.delenv("CAREERPATH_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_path() == tmp_path / "careerpath" / "vectors.sqlite"


def test_the_default_embedder_uses_the_cache_unless_told_not_to(monkeypatch, tmp_path) -> None:
    embed.default_embedder.cache_clear()
    try:
        monkeypatch.setenv("CAREERPATH_CACHE", str(tmp_path / "v.sqlite"))
        e = embed.default_embedder()
        assert isinstance(e, CachedEmbedder) and e.name == embed.MiniLM.name and e._inner is None
        embed.default_embedder.cache_clear()
        monkeypatch.setenv("CAREERPATH_CACHE", "off")
        assert isinstance(embed.default_embedder(), embed.MiniLM)
    finally:
        embed.default_embedder.cache_clear()


def test_threads_share_one_cache(tmp_path, capsys, fresh) -> None:
    import threading

    e = CachedEmbedder(Counting, "m", tmp_path / "v.sqlite", version="1")
    e.encode(["nurse"])  # the connection is opened in this thread ...
    done = []
    t = threading.Thread(target=lambda: done.append(e.encode(["nurse", "chef"])))  # ... and used in another
    t.start(); t.join()
    assert len(done) == 1 and e._inner.seen == ["nurse", "chef"] and "without it" not in capsys.readouterr().err


def test_the_real_model_through_the_cache_gives_its_own_vectors(tmp_path) -> None:
    """Whatever the user's cache holds, this runs MiniLM itself: a cached vector is the model's, to float precision."""
    texts = ["Senior Data Engineer (Azure)", "Registered nurse, ICU nights"]
    model = embed.model_embedder()
    direct = model.encode(texts)
    cached = CachedEmbedder(embed.model_embedder, model.name, tmp_path / "v.sqlite", version=embed.model_version())
    first, again = cached.encode(texts), cached.encode(texts)
    assert cached.misses == 2 and cached.hits == 2
    np.testing.assert_allclose(first, direct, atol=1e-6)
    np.testing.assert_array_equal(again, first)
    assert float(direct[0] @ direct[1]) < 0.5  # two different jobs, two different vectors
