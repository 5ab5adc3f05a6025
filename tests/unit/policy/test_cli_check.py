"""``safenote check`` on good and bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from safenote.cli import main


def run(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: bytes = b"",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_is_one_line_per_finding(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Hi,\n\nCan you reply ASAP?\n", encoding="utf-8")
    code, out, err = run(
        ["check", str(draft), "--channel", "email", "--region", "US"], capsys, monkeypatch
    )
    assert code == 0
    assert err == ""
    lines = out.splitlines()
    assert "channel caution unencrypted-channel Ordinary email is not private" in lines[0]
    assert any(line.startswith("3:9 caution urgent-reply-expectation ") for line in lines)


def test_json_output_has_code_point_offsets(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "🙂🙂 I want to die."
    code, out, _ = run(
        ["check", "-", "--format", "json", "--region", "GB"], capsys, monkeypatch, text.encode()
    )
    assert code == 0
    findings = json.loads(out)["findings"]
    (crisis,) = [f for f in findings if f["rule"] == "crisis"]
    assert text[crisis["start"] : crisis["end"]] == "want to die"
    assert set(crisis) >= {
        "rule",
        "severity",
        "start",
        "end",
        "field",
        "message",
        "why",
        "source",
        "fixes",
    }
    assert crisis["severity"] == "urgent"
    assert any("116 123" in r["contact"] for r in crisis["resources"])


def test_context_options(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = [
        "check",
        "--relationship",
        "prospective",
        "--cc",
        "a@example.org",
        "--cc",
        "b@example.org",
        "--name",
        "Sam Lee",
        "--subject",
        "Hello",
        "--format",
        "json",
    ]
    code, out, _ = run(argv, capsys, monkeypatch, b"Hi, are you taking new clients?")
    rules = {f["rule"]: f for f in json.loads(out)["findings"]}
    assert code == 0
    assert rules["third-party-copy"]["field"] == "cc"
    assert rules["sign-with-name"]["fixes"][0]["text"] == "\n\nSam Lee"
    assert "first-contact-referral" in rules


def test_clean_draft_prints_nothing(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(["check"], capsys, monkeypatch, b"See you Tuesday.") == (0, "", "")


@pytest.mark.parametrize(
    ("argv", "stdin", "fragment"),
    [
        (["check", "/no/such/file"], b"", "no such file"),
        (["check"], b"\xff\xfe\xfa", "not UTF-8"),
        (["check", "--region", "Narnia"], b"x", "two-letter"),
        (["check", "--practice", "/no/such/profile.toml"], b"x", "practice profile is not valid"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    argv: list[str],
    stdin: bytes,
    fragment: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, out, err = run(argv, capsys, monkeypatch, stdin)
    assert code == 2
    assert out == ""
    assert fragment in err
    assert err.count("\n") == 1


def test_unknown_option_value_exits_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit) as exited:
        run(["check", "--channel", "fax"], capsys, monkeypatch, b"x")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice" in err
    assert err.count("\n") == 1


def test_practice_profile_applies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text(
        "[practice]\nregion = 'AU'\n[channels]\naccepted = ['text']\n", encoding="utf-8"
    )
    code, out, _ = run(
        ["check", "--practice", str(profile), "--channel", "text", "--format", "json"],
        capsys,
        monkeypatch,
        b"I want to die.",
    )
    findings = json.loads(out)["findings"]
    assert code == 0
    assert "text-message-agreement" not in {f["rule"] for f in findings}
    (crisis,) = [f for f in findings if f["rule"] == "crisis"]
    assert any("13 11 14" in r["contact"] for r in crisis["resources"])
    bad = tmp_path / "bad.toml"
    bad.write_text("[overrides.crisis]\nenabled = false\n", encoding="utf-8")
    code, out, err = run(["check", "--practice", str(bad)], capsys, monkeypatch, b"x")
    assert code == 2
    assert "crisis" in err
