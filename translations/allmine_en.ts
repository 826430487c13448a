<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ApiCall</name>
    <message numerus="yes">
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>no answer within %n second</numerusform>
            <numerusform>no answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApiError</name>
    <message numerus="yes">
        <source>It asked to wait %n second(s).</source>
        <translation>
            <numerusform>It asked to wait %n second.</numerusform>
            <numerusform>It asked to wait %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ApplyBar</name>
    <message numerus="yes">
        <source>Apply %n change(s) to %1</source>
        <translation>
            <numerusform>Apply %n change to %1</numerusform>
            <numerusform>Apply %n changes to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Applying to %1… %n more change(s) wait for the next Apply.</source>
        <translation>
            <numerusform>Applying to %1… %n more change waits for the next Apply.</numerusform>
            <numerusform>Applying to %1… %n more changes wait for the next Apply.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved change(s).</source>
        <translation>
            <numerusform>%n unsaved change.</numerusform>
            <numerusform>%n unsaved changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 did not apply %n change(s): %2.</source>
        <translation>
            <numerusform>%1 did not apply %n change: %2.</numerusform>
            <numerusform>%1 did not apply %n changes: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) could not be read: %1.</source>
        <translation>
            <numerusform>%n setting could not be read: %1.</numerusform>
            <numerusform>%n settings could not be read: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n setting(s) changed on the server since they were loaded: %1.</source>
        <translation>
            <numerusform>%n setting changed on the server since it was loaded: %1.</numerusform>
            <numerusform>%n settings changed on the server since they were loaded: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CliApp</name>
    <message numerus="yes">
        <source>Applied %n change(s) to %1.</source>
        <translation>
            <numerusform>Applied %n change to %1.</numerusform>
            <numerusform>Applied %n changes to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message numerus="yes">
        <source>%n setting(s) differ. &quot;Use these values&quot; makes them changes here, which you review and then send with Apply.</source>
        <translation>
            <numerusform>%n setting differs. &quot;Use these values&quot; makes it a change here, which you review and then send with Apply.</numerusform>
            <numerusform>%n settings differ. &quot;Use these values&quot; makes them changes here, which you review and then send with Apply.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message numerus="yes">
        <source>Off: the %n setting(s) below are inactive and keep their own values.</source>
        <translation>
            <numerusform>Off: the setting below is inactive and keeps its own value.</numerusform>
            <numerusform>Off: the %n settings below are inactive and keep their own values.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JwtInspector</name>
    <message numerus="yes">
        <source>A token has three parts separated by dots; this one has %n part(s).</source>
        <translation>
            <numerusform>A token has three parts separated by dots; this one has %n part.</numerusform>
            <numerusform>A token has three parts separated by dots; this one has %n parts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n change(s) to %1 were not sent before the app closed.</source>
        <translation>
            <numerusform>%n change to %1 was not sent before the app closed.</numerusform>
            <numerusform>%n changes to %1 were not sent before the app closed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have %n unsaved change(s) on %1. Apply them before switching?</source>
        <translation>
            <numerusform>You have %n unsaved change on %1. Apply it before switching?</numerusform>
            <numerusform>You have %n unsaved changes on %1. Apply them before switching?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have %n unsaved change(s) on %1. Apply them before closing?</source>
        <translation>
            <numerusform>You have %n unsaved change on %1. Apply it before closing?</numerusform>
            <numerusform>You have %n unsaved changes on %1. Apply them before closing?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProductionConfirmDialog</name>
    <message numerus="yes">
        <source>Apply %n change(s) to Production</source>
        <translation>
            <numerusform>Apply %n change to Production</numerusform>
            <numerusform>Apply %n changes to Production</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply %n change(s) to %1</source>
        <translation>
            <numerusform>Apply %n change to %1</numerusform>
            <numerusform>Apply %n changes to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestLogModel</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsTransfer</name>
    <message numerus="yes">
        <source>The file holds the server&apos;s values: your %n unsaved change(s) are not in it.</source>
        <translation>
            <numerusform>The file holds the server&apos;s values: your %n unsaved change is not in it.</numerusform>
            <numerusform>The file holds the server&apos;s values: your %n unsaved changes are not in it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With the values from %1, %n change(s) wait to be sent. Review them, then press Apply to send them to %2; nothing was sent yet.</source>
        <translation>
            <numerusform>With the values from %1, %n change waits to be sent. Review it, then press Apply to send it to %2; nothing was sent yet.</numerusform>
            <numerusform>With the values from %1, %n changes wait to be sent. Review them, then press Apply to send them to %2; nothing was sent yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The file&apos;s values replaced %n unsaved change(s) of yours.</source>
        <translation>
            <numerusform>The file&apos;s values replaced %n unsaved change of yours.</numerusform>
            <numerusform>The file&apos;s values replaced %n unsaved changes of yours.</numerusform>
        </translation>
    </message>
</context>
</TS>
