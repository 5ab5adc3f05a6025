"""Whether the current recovery code was confirmed is stored encrypted with the settings;
settings saved before the flag existed read as confirmed (nobody is nagged after updating)."""

from __future__ import annotations

import json

import pytest

from safenote.core.paths import AppPaths
from safenote.core.vault import MemoryKeyStore, Settings, Vault, codec


def encode_settings_before_flag(settings: Settings) -> bytes:
    """What the codec wrote before settings had ``recovery_confirmed``."""
    return json.dumps(
        {"sender_name": settings.sender_name, "region": settings.region}, ensure_ascii=False
    ).encode("utf-8")


@pytest.mark.parametrize("confirmed", [True, False])
def test_flag_round_trips_through_the_codec(confirmed: bool) -> None:
    settings = Settings(sender_name="Sam", region="IE", recovery_confirmed=confirmed)
    assert codec.decode_settings(codec.encode_settings(settings)) == settings


def test_a_record_without_the_flag_decodes_as_confirmed() -> None:
    decoded = codec.decode_settings(encode_settings_before_flag(Settings(sender_name="Sam")))
    assert decoded == Settings(sender_name="Sam", recovery_confirmed=True)


@pytest.mark.parametrize("value", ["no", 0, None, [False]])
def test_a_flag_that_is_not_true_or_false_is_refused(value: object) -> None:
    data = json.dumps({"sender_name": "", "region": "", "recovery_confirmed": value})
    with pytest.raises(codec.CodecError):
        codec.decode_settings(data.encode())


def test_flag_survives_reopening_and_old_records_still_load(
    paths: AppPaths, keystore: MemoryKeyStore, vault: Vault, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.save_settings(Settings(region="UK", recovery_confirmed=False))
    vault.close()
    again = Vault.open(paths, keystore=keystore)
    try:
        assert again.get_settings() == Settings(region="UK", recovery_confirmed=False)
        with monkeypatch.context() as old_version:
            old_version.setattr(codec, "encode_settings", encode_settings_before_flag)
            again.save_settings(Settings(sender_name="Sam", recovery_confirmed=False))
        assert again.get_settings() == Settings(sender_name="Sam", recovery_confirmed=True)
    finally:
        again.close()
