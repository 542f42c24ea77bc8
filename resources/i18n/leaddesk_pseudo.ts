<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_XA" sourcelanguage="en">
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>LeadDesk settings</source>
            <translation>[LéådDésk séttîñgs·~·~·]</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>[Séttîñgs·~]</translation>
        </message>
        <message>
            <source>Problem with %s</source>
            <translation>[Pröblém wîth %s·~·~]</translation>
        </message>
        <message>
            <source>Call test number</source>
            <translation>[Çåll tést ñümbér·~·~·]</translation>
        </message>
        <message>
            <source>Dial the test number with the dialer in use</source>
            <translation>[Dîål thé tést ñümbér wîth thé dîålér îñ üsé·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Test call</source>
            <translation>[Tést çåll·~]</translation>
        </message>
        <message>
            <source>enter a number to call first</source>
            <translation>[éñtér å ñümbér tö çåll fîrst·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>[Séttîñgs…·~]</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>Your name</source>
            <translation>[Ýöür ñåmé·~]</translation>
        </message>
        <message>
            <source>The name leads hear in voicemail scripts; empty uses the agent's name.</source>
            <translation>[Thé ñåmé léåds héår îñ vöîçémåîl sçrîpts; émptý üsés thé ågéñt's ñåmé.·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Callback number</source>
            <translation>[Çållbåçk ñümbér·~·~]</translation>
        </message>
        <message>
            <source>The number leads can call you back on, in international form (e.g. +1 415 555 0142); voicemail scripts read it out.</source>
            <translation>[Thé ñümbér léåds çåñ çåll ýöü båçk öñ, îñ îñtérñåtîöñål förm (é.g. +1 415 555 0142); vöîçémåîl sçrîpts réåd ît öüt.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Calling hours from</source>
            <translation>[Çållîñg höürs fröm·~·~·~]</translation>
        </message>
        <message>
            <source>Earliest local time of the lead at which LeadDesk offers a call (HH:MM).</source>
            <translation>[Éårlîést löçål tîmé öf thé léåd åt whîçh LéådDésk öfférs å çåll (HH:MM).·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Calling hours until</source>
            <translation>[Çållîñg höürs üñtîl·~·~·~]</translation>
        </message>
        <message>
            <source>Latest local time of the lead at which LeadDesk offers a call (HH:MM).</source>
            <translation>[Låtést löçål tîmé öf thé léåd åt whîçh LéådDésk öfférs å çåll (HH:MM).·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Cadence</source>
            <translation>[Çådéñçé·]</translation>
        </message>
        <message>
            <source>The cadence new leads follow: the planned touches after each attempt.</source>
            <translation>[Thé çådéñçé ñéw léåds föllöw: thé plåññéd töüçhés åftér éåçh åttémpt.·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation>[Åttémpts pér léåd·~·~·]</translation>
        </message>
        <message>
            <source>Most attempts on one lead, every channel counted; then its cadence ends.</source>
            <translation>[Möst åttémpts öñ öñé léåd, évérý çhåññél çöüñtéd; théñ îts çådéñçé éñds.·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Attempts per 24 hours</source>
            <translation>[Åttémpts pér 24 höürs·~·~·~·]</translation>
        </message>
        <message>
            <source>Most attempts on one lead in any 24 hours.</source>
            <translation>[Möst åttémpts öñ öñé léåd îñ åñý 24 höürs.·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Voicemails per day</source>
            <translation>[Vöîçémåîls pér dåý·~·~·~]</translation>
        </message>
        <message>
            <source>Most voicemail messages left for one lead per day.</source>
            <translation>[Möst vöîçémåîl méssågés léft för öñé léåd pér dåý.·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Dialer</source>
            <translation>[Dîålér·]</translation>
        </message>
        <message>
            <source>How a number is dialed: 'tel' hands it to the system's phone app, 'baresip' uses the built-in SIP softphone.</source>
            <translation>[Höw å ñümbér îs dîåléd: 'tél' håñds ît tö thé sýstém's phöñé åpp, 'bårésîp' üsés thé büîlt-îñ SÎP söftphöñé.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>SIP user</source>
            <translation>[SÎP üsér·~]</translation>
        </message>
        <message>
            <source>Your SIP account's user name (for the baresip dialer). The password is never kept in this file: it goes to the OS keychain, or is asked for.</source>
            <translation>[Ýöür SÎP åççöüñt's üsér ñåmé (för thé bårésîp dîålér). Thé påsswörd îs ñévér képt îñ thîs fîlé: ît göés tö thé ÖS kéýçhåîñ, ör îs åskéd för.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>SIP domain</source>
            <translation>[SÎP dömåîñ·~]</translation>
        </message>
        <message>
            <source>Your SIP provider's domain or registrar (host or host:port); numbers are dialed as sip:+NUMBER@domain.</source>
            <translation>[Ýöür SÎP prövîdér's dömåîñ ör régîstrår (höst ör höst:pört); ñümbérs åré dîåléd ås sîp:+ÑÜMBÉR@dömåîñ.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Register with the provider</source>
            <translation>[Régîstér wîth thé prövîdér·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Register the SIP account with the provider ('no' for a direct or local setup).</source>
            <translation>[Régîstér thé SÎP åççöüñt wîth thé prövîdér ('ñö' för å dîréçt ör löçål sétüp).·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Local SIP port</source>
            <translation>[Löçål SÎP pört·~·~]</translation>
        </message>
        <message>
            <source>The port baresip uses for SIP on this computer (127.0.0.1 only).</source>
            <translation>[Thé pört bårésîp üsés för SÎP öñ thîs çömpütér (127.0.0.1 öñlý).·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Softphone control port</source>
            <translation>[Söftphöñé çöñtröl pört·~·~·~·]</translation>
        </message>
        <message>
            <source>The local port LeadDesk controls baresip through (127.0.0.1 only).</source>
            <translation>[Thé löçål pört LéådDésk çöñtröls bårésîp thröügh (127.0.0.1 öñlý).·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Test number</source>
            <translation>[Tést ñümbér·~·]</translation>
        </message>
        <message>
            <source>A number to try the dialer on (Settings: Call test number), in international form.</source>
            <translation>[Å ñümbér tö trý thé dîålér öñ (Séttîñgs: Çåll tést ñümbér), îñ îñtérñåtîöñål förm.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Team server</source>
            <translation>[Téåm sérvér·~·]</translation>
        </message>
        <message>
            <source>Address of the team sync server (http:// or https://); empty works offline.</source>
            <translation>[Åddréss öf thé téåm sýñç sérvér (http:// ör https://); émptý wörks öfflîñé.·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>[Thémé]</translation>
        </message>
        <message>
            <source>Light or dark colours; 'system' follows the desktop.</source>
            <translation>[Lîght ör dårk çölöürs; 'sýstém' föllöws thé désktöp.·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
    </context>
</TS>
