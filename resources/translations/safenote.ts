<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <source>Preview</source>
        <comment>Former client</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <comment>First contact</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutYouPage</name>
    <message>
        <source>A little about you (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both are optional and are kept encrypted with your drafts. Your name helps suggestions about signing off; your region picks the crisis lines SafeNote shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgeOptions</name>
    <message>
        <source>Lock it for your therapist&apos;s &amp;key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock it with a p&amp;assphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>age1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapist&apos;s public keys, one per line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their public keys (one per &amp;line):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filled in from {}&apos;s details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask your therapist for their public key (it starts with age1), or lock the message with a passphrase instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agree the passphrase with your therapist in person or by phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as &amp;text (armored; best for email)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as text, armored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untick to save a smaller binary file; both open the same way.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClipboardGuard</name>
    <message>
        <source>Copied text is removed from the clipboard after 30 seconds. A clipboard manager, if you use one, may still keep its own copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodePage</name>
    <message>
        <source>Your recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the key to your drafts is ever lost (a new computer, a reset keyring, a forgotten passphrase), this code is the only way back to them. Write it down, print it or save it, and keep it away from this computer. It is shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a one-page recovery kit as a PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print a one-page recovery kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeController</name>
    <message>
        <source>Something went wrong inside SafeNote. Your text is still in the window; try again, and if it keeps happening, restart SafeNote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{}” went to the trash without its latest changes: they couldn&apos;t be saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your earlier draft “{}” couldn&apos;t be saved yet. Its words are kept safe in memory and SafeNote keeps trying to save them, so keep SafeNote open until the status bar no longer says a draft is waiting. Opening that draft shows them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote couldn&apos;t write to its drafts file. Check that the disk has free space and that your account can write to SafeNote&apos;s folder, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeStatusBar</name>
    <message>
        <source>1 word</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n words</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{} / {} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer than their portal allows in one message. When you export it for the portal, SafeNote splits it into numbered parts to paste in order, or you can shorten it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their portal takes up to {} characters in one message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} over the portal&apos;s limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} over, will be split into {} parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} over, will be split into at least {} parts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved · encrypted {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn&apos;t save — your text is still here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier draft isn&apos;t saved yet — SafeNote keeps trying</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <source>SafeNote compose window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need help now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows crisis lines for your region. SafeNote never contacts anyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote &amp;help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Need help &amp;now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your message here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That text has changed, so the fix wasn&apos;t applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some of your words couldn&apos;t be saved, and quitting now would lose them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep SafeNote open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit and lose them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep SafeNote open, free some disk space or check that your account can write to SafeNote&apos;s folder, then quit again: SafeNote saves everything first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this message encrypted, as a locked PDF, or for a portal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored encrypted on this computer. The relationship helps SafeNote tailor its suggestions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Dr. Ngozi Okafor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My current therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A former therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone I&apos;d like to start seeing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferred way to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferred way to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import practice profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their secure portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their secure p&amp;ortal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote won&apos;t guess a length limit. If you know how their portal works, choosing it shows the limit as you write.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CrisisPanel</name>
    <message>
        <source>If you&apos;re not safe right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote never contacts anyone for you, and this panel never stops you writing or saving. You can collapse it while you write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crisis resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers checked on {}. They work without SafeNote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DraftsSidebar</name>
    <message>
        <source>Today {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move draft to trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore draft from trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untitled draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A draft that couldn&apos;t be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to drafts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EffectiveRulesView</name>
    <message>
        <source>Rules your clients see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>SafeNote hit a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside SafeNote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can keep writing; your drafts stay encrypted on this computer. If it happens again, the technical details (never your words) are in {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How should it leave SafeNote?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted &amp;message (.age file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your therapist opens it with SafeNote or the free age or rage tools, using their key or the passphrase you agree on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password-protected P&amp;DF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens in any PDF reader with a passphrase SafeNote makes for you; you tell your therapist the passphrase by another route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text for a secure p&amp;ortal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To paste into your practice&apos;s portal, which protects it; anyone who can sign in to that portal account can read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare te&amp;xt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your therapist&apos;s public key (it starts with age1), or choose to lock the message with a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted messages (*.age)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only your therapist&apos;s key opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It opens with the passphrase you chose; share it by another route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as {}. {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote&apos;s portal settings are missing. Reinstall SafeNote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong and nothing was saved. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the exported message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote couldn&apos;t save the file there ({}). Choose another folder, or check the disk has space, and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportFindingsSummary</name>
    <message>
        <source>1 important note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} important notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before you send: {} about this message. You can still send it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you&apos;re not safe right now:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Set up SafeNote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;kept it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can choose “Behind a passphrase” above instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote couldn&apos;t set up. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That doesn&apos;t match your recovery code. Check each group of four against your copy, or go Back to see the code again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your recovery kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recovery kit couldn&apos;t be saved there. Try another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your recovery kit is saved. Keep it away from this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your recovery kit was sent to the printer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Guidance</name>
    <message>
        <source>Guidance is unavailable because its rules couldn&apos;t be loaded. Your writing and saving are not affected; reinstalling SafeNote should bring guidance back.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuidanceCard</name>
    <message>
        <source>Press Enter or click to show where this is in your message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? Show the reason and source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss this suggestion for this draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this suggestion for this draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuidancePanel</name>
    <message>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions about your message will appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show 1 dismissed suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Show %n dismissed suggestions</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeaderBar</name>
    <message>
        <source>Practice portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add therapist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or edit therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What this message is about</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one else (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;via</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ubject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a therapist…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add therapist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>SafeNote help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write as you would in an email. Choose who it&apos;s to and how you&apos;ll send it at the top; SafeNote tailors its suggestions to that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your draft saves itself, encrypted, a moment after you stop typing, and when you close SafeNote. Ctrl+S saves right away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions appear on the right as you type. A dotted underline with a round icon is a tip; a wavy underline with a triangle is something worth knowing before you send, such as privacy or how quickly you&apos;ll get a reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a card to see the words it&apos;s about; &quot;Why?&quot; explains the reason and where it comes from. A fix button makes the change for you, and Undo takes it back. Dismiss hides a suggestion for this draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If your words suggest you might not be safe, a panel with crisis lines for your region stays at the top. It never stops you writing or saving, and SafeNote never contacts anyone. You can collapse it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your words stay private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts, names, subjects and contacts are encrypted on this computer. The key is kept in your system&apos;s keyring; your recovery code opens your drafts if that key is ever lost. SafeNote has no network code at all: nothing is sent anywhere unless you export it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption protects drafts at rest. It can&apos;t stop someone who can use this computer while you&apos;re signed in, or software that watches the keyboard or screen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpNowDialog</name>
    <message>
        <source>Need help now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you&apos;re not safe right now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message to your therapist may not be read for hours or days. If you might act on thoughts of hurting yourself or someone else, or someone is hurting you, please contact one of these now, then let your therapist know.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your therapist&apos;s own instructions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote never contacts anyone for you. Numbers checked on {date}; they work without SafeNote and without the internet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Draft history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote keeps the last 20 saved versions of this draft, encrypted. Restoring one keeps the current text in the history too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {} · {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{} (current)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This draft hasn&apos;t been saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>Where should the key to your drafts live?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In my system &amp;keyring (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote opens without asking while you are logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Behind a &amp;passphrase I type each time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For computers without a working keyring, or shared logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keyring unlocks when you log in, so SafeNote opens straight away. Anyone using your logged-in account could open it too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose this if your computer has no working keyring, or if others use your account. If you forget the passphrase, your recovery code still works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote couldn&apos;t find a usable keyring on this computer, so your drafts will be opened with a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>SafeNote is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drafts are hidden. Enter your passphrase to show them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drafts are hidden. Unlocking checks your system keyring, so anyone using this computer account while you are logged in could unlock it. If that matters, set a passphrase in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show your drafts again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageEditor</name>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your message to your therapist here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your message here…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageViewer</name>
    <message>
        <source>SafeNote message (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening {}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote found no key of yours on this computer to open this message. If you made your key on another computer, open the message there, or open it here with your identity file: safenote view --identity YOUR-KEY-FILE MESSAGE.age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message couldn&apos;t be opened ({}). Try opening it again; if it keeps happening, ask the sender to send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date: {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrypted in memory only. Nothing has been saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This message is locked with a passphrase. Type the one your client gave you:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted messages (*.age)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save without encryption?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copy you save will not be encrypted: anyone who can open files on this computer, or its backups, could read it. Keep it in your practice&apos;s secure records system if you can, and delete it when you no longer need it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save message as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn&apos;t save there ({}). Try another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved an unencrypted copy to {}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCodeDialog</name>
    <message>
        <source>Your new recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;kept it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That doesn&apos;t match your new recovery code. Check each group of four against your copy, or go Back to see the code again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your recovery kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The kit couldn&apos;t be saved there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your recovery kit is saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeLabel</name>
    <message>
        <source>Problem:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PassphraseFields</name>
    <message>
        <source>New passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters; a few unrelated words work well</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Type the passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;w passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype it again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Choose a passphrase of at least %n characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The two passphrases don&apos;t match. Type them again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfOptions</name>
    <message>
        <source>SafeNote lays the message out as a PDF, locks it (AES-256) with a new passphrase of random words, and shows you the passphrase once.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfPassphrasePanel</name>
    <message>
        <source>Passphrase for the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your PDF is saved. It opens with this passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell your therapist this passphrase another way: in your next session or by phone, not in the same email or message as the PDF. Write it down now if you need to: SafeNote doesn&apos;t keep it, and it won&apos;t be shown again once you close this window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortalDialog</name>
    <message>
        <source>This file is not encrypted: anyone who can open your files can read it. Delete it once you have pasted it into the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text for your portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as .&amp;txt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as text file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no text to paste yet: the message is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready for {}: copy the message and paste it into the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready for {}: the message is split into {} parts to fit the portal&apos;s limit. Paste them in order, one portal message each; each part starts with its number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part {} of {} ({} characters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part {} of {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy part {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy part {} of {}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part {} of {} copied. Paste it into the portal now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message copied. Paste it into the portal now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved as {}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong and nothing was saved. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the portal text as an ordinary file?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the portal text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortalOptions</name>
    <message>
        <source>Portal type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Po&amp;rtal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your practice&apos;s limit applies: {} characters per message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long messages are split into numbered parts that each fit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PracticeSummary</name>
    <message>
        <source>Contact details from the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ways to reach you:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usual response time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewGallery</name>
    <message>
        <source>Sample messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows: {}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewWindow</name>
    <message>
        <source>SafeNote preview (nothing here is saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Therapist preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sandbox: what you type here is never saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;gion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save profile as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Si&amp;gn profile with my key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guidance &amp;report (PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a practice profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the practice profile?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The practice profile has changes that aren&apos;t saved yet (a new signature counts too). Save it to keep them; if you don&apos;t, they will be lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the guidance report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Couldn&apos;t save there ({}). Try another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your client&apos;s therapist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Privacy</name>
    <message>
        <source>&amp;Copy message text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the whole message; it is cleared from the clipboard in 30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied. SafeNote clears it from the clipboard in 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Practice profile text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign with my key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign with my key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signs this profile with the signing key in your system keyring, so clients can check it is yours. Only a valid profile can be signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing the profile…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid yet; clients would not be able to import it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid, but changed since it was signed: sign it again before sharing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid and signed (fingerprint {}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid. Not signed yet: clients will see it unverified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The profile changed while it was being signed; sign it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProfileImportDialog</name>
    <message>
        <source>Import your therapist&apos;s practice profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your therapist may give you a practice profile file. It tells SafeNote how their practice works (how to reach them, how soon they reply, what to do in a crisis) and their key for encrypted messages. Choose the file, or paste its text below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;ve checked the new fingerprint with my therapist in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the profile file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profiles (*.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This profile can&apos;t be used: {}. Ask your therapist for a new copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your therapist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported, but unverified: this profile isn&apos;t signed, so SafeNote can&apos;t tell whether it really comes from {}. Ask them for a signed copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated. Signed by the same key as before ({}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported. Fingerprint: {}. Compare it with {} in your next session: if it matches, the profile (and their key for encrypted messages) is really theirs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>Preview</source>
        <comment>Current client</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuickHide</name>
    <message>
        <source>Quick hide only helps against someone looking over your shoulder. It can&apos;t hide anything from monitoring software on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide your drafts until you unlock SafeNote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quick hide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Your recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote has set up an encrypted place for your drafts on this computer. Its key is kept in your system&apos;s keyring.

If that key is ever lost (a new computer, a reset keyring), this recovery code is the only way back to your drafts. Write it down and keep it somewhere safe, away from this computer. It won&apos;t be shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&apos;ve written down my recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start writing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryKit</name>
    <message>
        <source>This code opens your SafeNote drafts if the key kept in your computer&apos;s keyring is lost (a new computer, a reset keyring, a forgotten passphrase).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it somewhere safe and away from this computer, for example printed and stored with other important papers. Anyone who has this code and a copy of your drafts file can read your drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To use it: open SafeNote, choose “Use my recovery code” and type the code. Capital letters, dashes and spaces don&apos;t matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you saved this as a file, consider printing it and then deleting the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote recovery kit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryReminder</name>
    <message>
        <source>Recovery code reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: You haven&apos;t confirmed keeping a recovery code yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without one, forgetting your passphrase means losing your drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without one, losing this computer&apos;s keyring means losing your drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make a new recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens Settings, shows a new code to keep, and asks you to type it back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide this reminder until SafeNote next starts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Region</name>
    <message>
        <source>Use my computer&apos;s setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United States</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Australia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another country in the European Union</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Somewhere else</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegionCombo</name>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used only to show the right crisis lines; it never leaves this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecurityBox</name>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking how your drafts open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Use this passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new &amp;keyring key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the key in your keyring; your drafts stay as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new recovery &amp;code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your old recovery code will stop working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drafts open with the key in your system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a &amp;passphrase instead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drafts open with your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the system &amp;keyring instead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drafts now open with your passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drafts now open with your keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new key is in your keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your old recovery code no longer works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>SafeNote settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept encrypted with your drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Privacy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock after this many minutes without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lock after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press %1 to hide SafeNote at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Style (w&amp;ording, length, tone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Te&amp;xt size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestions to show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Boundaries (what fits a message to a therapist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expectations (replies, timing, channels)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safety and privacy guidance is always shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Severity</name>
    <message>
        <source>Tip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worth knowing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your safety</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Opening your drafts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drafts couldn&apos;t be opened, so writing is paused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside SafeNote while opening your drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore the latest backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring your latest backup…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TherapistMenu</name>
    <message>
        <source>For &amp;therapists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview client guidance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open a client&apos;s message…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a client&apos;s message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypted messages (*.age)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TypeBackPage</name>
    <message>
        <source>Type your recovery code back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the code from your copy, to be sure it is complete and readable. Capital letters, dashes and spaces don&apos;t matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code, typed back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recovery code:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Open your drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the system keyring for the key again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open your drafts with this passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use my &amp;recovery code…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening your drafts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit SafeNote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your system keyring is locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote keeps the key to your drafts in your system keyring. Unlock the keyring (log in to your desktop session or open your password manager), then choose Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your system keyring didn&apos;t answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may be waiting for you to unlock it: look for a password prompt, then choose Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote can&apos;t reach a secure system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drafts are safe and unchanged. If the keyring service is just not running, start it and choose Try again. Otherwise open them with your passphrase or your recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key to your drafts is no longer in your keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This happens after a keyring reset or a move to a new computer. Your drafts are still here: your recovery code opens them and puts a fresh key in the keyring. SafeNote never makes a new key over your drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase to open your drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If you have forgotten it, your recovery code opens them too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>32 letters and digits, in groups of four; dashes and spaces are optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;covery code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the key with a new passphrase &amp;instead of the keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recover my &amp;drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your passphrase first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your recovery code first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong inside SafeNote. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VaultErrorDialog</name>
    <message>
        <source>SafeNote can&apos;t open your drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been changed or deleted. Writing is paused until your drafts open: close SafeNote, fix the problem above, and start it again. If your keyring key is lost, &apos;safenote vault recover&apos; opens your drafts with your recovery code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to SafeNote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote helps you write to your therapist between sessions, with gentle suggestions as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your drafts are encrypted and stay on this computer. The key is kept in your system&apos;s keyring (or behind a passphrase, if you prefer).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote never uses the internet and never sends anything by itself. You decide what to send, and how.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The suggestions are advice, not a clinician. In a crisis, SafeNote shows you who to contact right away.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encryption can&apos;t protect you from monitoring software or from someone using this computer while you are logged in. SafeNote can lock itself and hide quickly, which helps against someone looking over your shoulder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowLock</name>
    <message>
        <source>Enter your passphrase to unlock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SafeNote couldn&apos;t check that just now. Please try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
