<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>LeadDesk settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem with %s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call test number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dial the test number with the dialer in use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>enter a number to call first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Your name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The name leads hear in voicemail scripts; empty uses the agent's name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callback number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The number leads can call you back on, in international form (e.g. +1 415 555 0142); voicemail scripts read it out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calling hours from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Earliest local time of the lead at which LeadDesk offers a call (HH:MM).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calling hours until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Latest local time of the lead at which LeadDesk offers a call (HH:MM).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cadence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The cadence new leads follow: the planned touches after each attempt.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Most attempts on one lead, every channel counted; then its cadence ends.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts per 24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Most attempts on one lead in any 24 hours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemails per day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Most voicemail messages left for one lead per day.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dialer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How a number is dialed: 'tel' hands it to the system's phone app, 'baresip' uses the built-in SIP softphone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your SIP account's user name (for the baresip dialer). The password is never kept in this file: it goes to the OS keychain, or is asked for.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>SIP domain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your SIP provider's domain or registrar (host or host:port); numbers are dialed as sip:+NUMBER@domain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Register with the provider</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Register the SIP account with the provider ('no' for a direct or local setup).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local SIP port</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The port baresip uses for SIP on this computer (127.0.0.1 only).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Softphone control port</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The local port LeadDesk controls baresip through (127.0.0.1 only).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A number to try the dialer on (Settings: Call test number), in international form.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address of the team sync server (http:// or https://); empty works offline.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Theme</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Light or dark colours; 'system' follows the desktop.</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
