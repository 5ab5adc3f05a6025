"""``safenote practice`` init/validate/sign/identity, and ``check --practice`` personalising."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from safenote.cli import main
from safenote.cli import practice as cli_practice
from safenote.core.identity import load_identity
from safenote.core.practice import load_practice
from safenote.core.vault import MemoryKeyStore
from tests.unit.practice.profiles import FULL


@pytest.fixture
def keystore(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyStore:
    store = MemoryKeyStore()
    monkeypatch.setattr(cli_practice, "keystore", lambda: store)
    return store


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_init_writes_a_template_that_validates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "profile.toml"
    assert run(["practice", "init", "-o", str(target)], capsys)[0] == 0
    code, out, _ = run(["practice", "validate", str(target)], capsys)
    assert code == 0
    assert "valid, not signed" in out
    code, _, err = run(["practice", "init", "-o", str(target)], capsys)
    assert code == 2
    assert "already exists" in err


def test_validate_names_each_problem_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('[practice]\nregion = "USA"\nportal_limit = 0\n[channels]\naccepted = 3\n')
    code, out, err = run(["practice", "validate", str(broken)], capsys)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert any("line 2" in x and "practice.region" in x for x in lines)
    assert any("line 3" in x and "practice.portal_limit" in x for x in lines)
    assert any("channels.accepted" in x for x in lines)
    assert lines[-1] == "3 problems to fix."


def test_validate_of_a_missing_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["practice", "validate", "nope.toml"], capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert "cannot read" in err


def test_sign_uses_the_keyring_key_and_validate_shows_the_fingerprint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], keystore: MemoryKeyStore
) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text(FULL, encoding="utf-8")
    code, out, err = run(["practice", "sign", str(profile)], capsys)
    assert code == 0
    assert "Made a message key and a signing key" in err
    identity = load_identity(keystore)
    assert identity is not None
    assert identity.signing_fingerprint in out
    assert load_practice(profile).fingerprint == identity.signing_fingerprint
    code, out, _ = run(["practice", "validate", str(profile)], capsys)
    assert (code, f"signed (fingerprint {identity.signing_fingerprint})" in out) == (0, True)
    code, out, err = run(["practice", "identity"], capsys)
    assert code == 0
    assert err == ""  # nothing new made the second time
    assert f"public_key = {identity.age_public_key}" in out


def test_sign_refuses_an_invalid_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], keystore: MemoryKeyStore
) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text('[practice]\nregion = "Mars"\n', encoding="utf-8")
    code, _, err = run(["practice", "sign", str(profile)], capsys)
    assert code == 2
    assert "fix the profile before signing" in err
    assert keystore.keys == {}


def test_without_a_usable_keyring_sign_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text(FULL, encoding="utf-8")
    code, _, err = run(["practice", "sign", str(profile)], capsys)  # the fail backend
    assert code == 2
    assert "keeps your signing and message keys in the system keyring" in err
    assert "[signature]" not in profile.read_text()


def check_json(argv: list[str], text: str, capsys: pytest.CaptureFixture[str],
               monkeypatch: pytest.MonkeyPatch) -> dict[str, dict[str, object]]:  # fmt: skip
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    code, out, _ = run(["check", "-", "--format", "json", *argv], capsys)
    assert code == 0
    return {f["rule"]: f for f in json.loads(out)["findings"]}


def test_check_output_is_personalised_by_the_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text(FULL, encoding="utf-8")
    text = "Can you text me back tonight? I don't want to be alive anymore."
    plain = check_json(["--channel", "text"], text, capsys, monkeypatch)
    personal = check_json(["--channel", "text", "--practice", str(profile)], text, capsys,
                          monkeypatch)  # fmt: skip
    assert "text-message-agreement" in plain
    assert "text-message-agreement" not in personal  # this practice accepts texts
    assert "two business days" in str(personal["urgent-reply-expectation"]["message"])
    assert "two business days" not in str(plain["urgent-reply-expectation"]["message"])
    resources = json.dumps(personal["crisis"]["resources"])
    assert "01234 567890" in resources  # the therapist's own words...
    assert "116 123" in resources  # ...beside the region's lines (GB from the profile)


def test_the_crisis_rule_survives_a_profile_that_tries_to_remove_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = [
        "[overrides.crisis]\nenabled = false\n",
        '[overrides.crisis]\nseverity = "info"\n',
        '[[rules]]\nid = "crisis"\nseverity = "info"\nmessage = "m"\nwhy = "w"\nsource = "s"\n'
        'checks = [{ kind = "phrases", phrases = ["zzz"] }]\n',
    ]
    for number, attempt in enumerate(attempts):
        profile = tmp_path / f"p{number}.toml"
        profile.write_text(FULL + attempt, encoding="utf-8")
        code, _, err = run(["practice", "validate", str(profile)], capsys)
        assert code == 2, attempt
        assert "crisis" in err
    reworded = tmp_path / "reworded.toml"
    reworded.write_text(FULL + '[overrides.crisis]\nmessage = "Call us."\n', encoding="utf-8")
    found = check_json(["--practice", str(reworded)], "I want to kill myself.", capsys,
                       monkeypatch)  # fmt: skip
    assert found["crisis"]["severity"] == "urgent"
    assert found["crisis"]["resources"]


def test_preview_and_view_refuse_missing_files_before_any_window(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(["preview", "no-such-profile.toml"], capsys)
    assert (code, "cannot read" in err) == (2, True)
    code, _, err = run(["view", "no-such-message.age"], capsys)
    assert (code, "no such file" in err) == (2, True)


def test_validate_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(FULL.encode())))
    code, out, _ = run(["practice", "validate", "-"], capsys)
    assert (code, "valid, not signed" in out) == (0, True)


def test_keygen_keyring_makes_the_identity_once_and_prints_the_public_key(
    capsys: pytest.CaptureFixture[str], keystore: MemoryKeyStore, tmp_path: Path
) -> None:
    code, out, err = run(["keygen", "--keyring"], capsys)
    assert code == 0
    assert "Made a message key" in err
    identity = load_identity(keystore)
    assert identity is not None
    assert out == identity.age_public_key + "\n"
    code, again, err = run(["keygen", "--keyring"], capsys)
    assert (code, again, "Made" in err) == (0, out, False)
    code, _, err = run(["keygen", "--keyring", "-o", str(tmp_path / "k.txt")], capsys)
    assert (code, "not both" in err) == (2, True)
