"""Leaving SafeNote safely: age-encrypted messages, password PDFs and portal text.

The API the GUI (export dialog, "open message") uses, one module per concern:

* ``message``: :class:`Message` (body, subject, sender, date) and its payload format.
* ``age_crypto``: ``encrypt_message_to_file(message, path, recipients=[...] | passphrase=...,
  armored=True)``, ``encrypt_message(...) -> bytes``, ``open_message_file(path,
  identities=... | passphrase=...) -> Message``, ``decrypt_file_to(src, dst, ...)``,
  ``decrypt(data, ...)``. Every failure is an ``errors.ExportError`` subclass whose text is a
  complete sentence to show as is. ``encrypt_payload_to_file(head, body, path, ...)`` takes
  a body that is already UTF-8 bytes (``text_bytes.utf8_text_body(file_bytes)``, as
  ``safenote encrypt FILE`` does) with ``message.encode_head(...)``.
* ``keys``: ``generate_identity()``, ``write_identity_file()``, ``read_identity_file()``,
  ``parse_recipient()`` (validates an ``age1…`` key), ``default_identity_path()``.
* ``pdf_lock``: ``lock_pdf_with_new_passphrase(pdf_bytes) -> (locked, passphrase)``; lay the
  PDF out with ``safenote.gui.pdf_render.render_message_pdf(message)`` first (Qt).
* ``portal``: ``list_profiles()``, ``load_profile(id).with_limit(practice_limit)``,
  ``prepare_portal_text(body, profile, subject) -> PortalText(parts=...)``.
* ``clipboard_policy``: ``ClipboardCopy(text, copied_at).should_clear(now_text, now)`` for
  the 30-second clear (the timer itself is the GUI's).
* ``readiness``: ``summarise_for_export(findings)`` (caution/urgent findings, never
  blocking) and ``UNENCRYPTED_TEXT_WARNING`` for saving portal text as ``.txt``.

Slow calls (passphrase encryption is ~1-2 s of scrypt on purpose) belong off the GUI thread.
"""
