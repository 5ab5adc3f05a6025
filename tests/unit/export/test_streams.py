"""Stream adapters for pyrage: the head-then-body reader gives back exactly head + body."""

from __future__ import annotations

import io

import pyrage
from hypothesis import given
from hypothesis import strategies as st
from pyrage import x25519

from safenote.core.export.streams import PlaintextSink, PrefixedReader


@given(
    head=st.binary(max_size=300),
    body=st.binary(max_size=3000),
    sizes=st.lists(st.integers(min_value=-1, max_value=700), min_size=1, max_size=40),
)
def test_any_sequence_of_reads_gives_head_then_body(
    head: bytes, body: bytes, sizes: list[int]
) -> None:
    reader = PrefixedReader(head, body)
    expected = io.BytesIO(head + body)
    for size in sizes:
        assert reader.read(size) == expected.read(size)
    assert reader.read(-1) == expected.read()
    assert reader.read(10) == b""


def test_after_the_head_reads_go_straight_to_the_body_buffer() -> None:
    reader = PrefixedReader(b"head\n\n", b"x" * 100)
    assert reader.read(3) == b"hea"
    assert reader.read(8) == b"d\n\nxxxxx"
    # The C method itself: no Python frame per 8 KiB read while pyrage encrypts.
    assert type(reader.read).__name__ == "builtin_function_or_method"


def test_pyrage_encrypts_head_and_body_as_one_payload() -> None:
    identity = x25519.Identity.generate()
    head, body = b"SafeNote-Message: 1\n\n", bytes(range(256)) * 1000
    sink = io.BytesIO()
    pyrage.encrypt_io(PrefixedReader(head, body), sink, [identity.to_public()])
    assert pyrage.decrypt(sink.getvalue(), [identity]) == head + body


def test_plaintext_sink_keeps_what_was_written_and_wipes_on_demand() -> None:
    sink = PlaintextSink(8)
    sink.write(b"abc")
    sink.write(memoryview(b"defgh"))
    sink.write(b"ij")  # more than the capacity: grows rather than lose data
    assert bytes(sink.result()) == b"abcdefghij"
    wiped = PlaintextSink(4)
    wiped.write(b"secret")
    wiped.wipe()
    assert bytes(wiped.result()) == b""


def test_plaintext_sink_write_is_c_level_and_never_regrows_within_capacity() -> None:
    sink = PlaintextSink(10)
    # BytesIO's own write: no Python frame per 8 KiB chunk while pyrage decrypts.
    assert type(sink.write).__name__ == "builtin_function_or_method"
    buffer_before = sink.getbuffer().nbytes
    sink.write(b"0123456789")
    assert sink.getbuffer().nbytes == buffer_before == 10
    assert sink.result() == b"0123456789"


def test_plaintext_sink_wipe_zeroes_what_was_written() -> None:
    sink = PlaintextSink(6)
    sink.write(b"secret")
    sink.wipe()
    assert sink.getvalue() == b""
    assert sink.result() == b""
