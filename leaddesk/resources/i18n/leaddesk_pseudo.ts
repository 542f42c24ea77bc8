<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_XA" sourcelanguage="en">
    <context>
        <name>AgentSession</name>
        <message>
            <source>Select a lead to call.</source>
            <translation>[Séléçt å léåd tö çåll.·~·~·~·]</translation>
        </message>
        <message>
            <source>Later: {reason}</source>
            <translation>[Låtér: {reason}·]</translation>
        </message>
        <message>
            <source>Blocked: {reason}</source>
            <translation>[Blöçkéd: {reason}·~]</translation>
        </message>
        <message>
            <source>Ready to call {name} at {number}.</source>
            <translation>[Réådý tö çåll {name} åt {number}.·~·~·~]</translation>
        </message>
        <message>
            <source>Consent recorded</source>
            <translation>[Çöñséñt réçördéd·~·~·]</translation>
        </message>
        <message>
            <source>{number} is off the do-not-call list ({reason}).</source>
            <translation>[{number} îs öff thé dö-ñöt-çåll lîst ({reason}).·~·~·~·~·~·]</translation>
        </message>
        <message numerus="yes">
            <source>Wrap up the call to {name} that was not logged (%n calls were not logged).</source>
            <translation>
                <numerusform>[Wråp üp thé çåll tö {name} thåt wås ñöt löggéd (%n çålls wéré ñöt löggéd).·~·~·~·~·~·~·~·~·~·~·~·~·]</numerusform>
                <numerusform>[Wråp üp thé çåll tö {name} thåt wås ñöt löggéd (%n çålls wéré ñöt löggéd).·~·~·~·~·~·~·~·~·~·~·~·~·]</numerusform>
            </translation>
        </message>
        <message>
            <source>Wrap up the call to {name} that was not logged.</source>
            <translation>[Wråp üp thé çåll tö {name} thåt wås ñöt löggéd.·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Log the outcome of the call to {name} first.</source>
            <translation>[Lög thé öütçömé öf thé çåll tö {name} fîrst.·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>{name} cannot be called now: {reason}</source>
            <translation>[{name} çåññöt bé çålléd ñöw: {reason}·~·~·~·~]</translation>
        </message>
        <message>
            <source>The call to {name} did not start: {error}.</source>
            <translation>[Thé çåll tö {name} dîd ñöt stårt: {error}.·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>no further touch (cadence ended)</source>
            <translation>[ñö fürthér töüçh (çådéñçé éñdéd)·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>next: {channel} {when}</source>
            <translation>[ñéxt: {channel} {when}·]</translation>
        </message>
        <message>
            <source>Saved “{outcome}” · {next} · Ctrl+Z undoes</source>
            <translation>[Såvéd “{outcome}” · {next} · Çtrl+Z üñdöés·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Nothing to undo: no outcome logged since the last dial.</source>
            <translation>[Ñöthîñg tö üñdö: ñö öütçömé löggéd sîñçé thé låst dîål.·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Log the call in progress first.</source>
            <translation>[Lög thé çåll îñ prögréss fîrst.·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Took back “{outcome}”: the call is open again, log its outcome.</source>
            <translation>[Töök båçk “{outcome}”: thé çåll îs öpéñ ågåîñ, lög îts öütçömé.·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Took back “{outcome}”.</source>
            <translation>[Töök båçk “{outcome}”.·~·~]</translation>
        </message>
        <message>
            <source>{number} is off the do-not-call list again.</source>
            <translation>[{number} îs öff thé dö-ñöt-çåll lîst ågåîñ.·~·~·~·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>AgentsModel</name>
        <message>
            <source>Agent</source>
            <translation>[Ågéñt]</translation>
        </message>
        <message>
            <source>Leads</source>
            <translation>[Léåds]</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>[Åttémpts·~]</translation>
        </message>
        <message>
            <source>Never contacted</source>
            <translation>[Ñévér çöñtåçtéd·~·~]</translation>
        </message>
        <message>
            <source>Speed to lead</source>
            <translation>[Spééd tö léåd·~·~]</translation>
        </message>
        <message>
            <source>Speed p90</source>
            <translation>[Spééd p90·~]</translation>
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation>[Åttémpts pér léåd·~·~·]</translation>
        </message>
        <message>
            <source>2nd attempt</source>
            <translation>[2ñd åttémpt·~·]</translation>
        </message>
        <message>
            <source>Contact rate</source>
            <translation>[Çöñtåçt råté·~·]</translation>
        </message>
        <message>
            <source>Voicemails left</source>
            <translation>[Vöîçémåîls léft·~·~]</translation>
        </message>
        <message>
            <source>Call first</source>
            <translation>[Çåll fîrst·~]</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>[Téåm]</translation>
        </message>
    </context>
    <context>
        <name>CallAnywayDialog</name>
        <message>
            <source>Call now anyway</source>
            <translation>[Çåll ñöw åñýwåý·~·~]</translation>
        </message>
        <message>
            <source>{name} is planned for later. Why call now?</source>
            <translation>[{name} îs plåññéd för låtér. Whý çåll ñöw?·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Call now</source>
            <translation>[Çåll ñöw·~]</translation>
        </message>
        <message>
            <source>lead asked</source>
            <translation>[léåd åskéd·~]</translation>
        </message>
        <message>
            <source>Why call now</source>
            <translation>[Whý çåll ñöw·~·]</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>[Whý]</translation>
        </message>
    </context>
    <context>
        <name>CallFlow</name>
        <message>
            <source>Called before the planned time: {reason}</source>
            <translation>[Çålléd béföré thé plåññéd tîmé: {reason}·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>The lead on the card is not on the do-not-call list.</source>
            <translation>[Thé léåd öñ thé çård îs ñöt öñ thé dö-ñöt-çåll lîst.·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Select a lead first.</source>
            <translation>[Séléçt å léåd fîrst.·~·~·~]</translation>
        </message>
        <message>
            <source>No call in progress: dial first (Enter), or record a call made elsewhere (Lead &gt; Log a call made elsewhere…, Ctrl+Shift+L).</source>
            <translation>[Ñö çåll îñ prögréss: dîål fîrst (Éñtér), ör réçörd å çåll mådé élséwhéré (Léåd &gt; Lög å çåll mådé élséwhéré…, Çtrl+Shîft+L).·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Log the call to {name} first (“{outcome}” is not a call outcome).</source>
            <translation>[Lög thé çåll tö {name} fîrst (“{outcome}” îs ñöt å çåll öütçömé).·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Pick the callback time first (Enter: tomorrow at this time, Alt+2: in 2 hours, or a date), then press {key} again.</source>
            <translation>[Pîçk thé çållbåçk tîmé fîrst (Éñtér: tömörröw åt thîs tîmé, Ålt+2: îñ 2 höürs, ör å dåté), théñ préss {key} ågåîñ.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>The callback time is outside the lead's calling hours (or still being checked): pick another.</source>
            <translation>[Thé çållbåçk tîmé îs öütsîdé thé léåd's çållîñg höürs (ör stîll béîñg çhéçkéd): pîçk åñöthér.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>CallList</name>
        <message>
            <source>Lead</source>
            <translation>[Léåd]</translation>
        </message>
        <message>
            <source>Why now</source>
            <translation>[Whý ñöw·]</translation>
        </message>
        <message>
            <source>Local</source>
            <translation>[Löçål]</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>[Åttémpts·~]</translation>
        </message>
        <message>
            <source>Next touch</source>
            <translation>[Ñéxt töüçh·~]</translation>
        </message>
        <message>
            <source>due now</source>
            <translation>[düé ñöw·]</translation>
        </message>
        <message>
            <source>due, waiting</source>
            <translation>[düé, wåîtîñg·~·]</translation>
        </message>
        <message>
            <source>{channel} {when}</source>
            <translation>[{channel} {when}]</translation>
        </message>
    </context>
    <context>
        <name>CallListView</name>
        <message>
            <source>Search leads</source>
            <translation>[Séårçh léåds·~·]</translation>
        </message>
        <message>
            <source>Search name, company, email or number   (Ctrl+F)</source>
            <translation>[Séårçh ñåmé, çömpåñý, émåîl ör ñümbér   (Çtrl+F)·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Calls only</source>
            <translation>[Çålls öñlý·~]</translation>
        </message>
        <message>
            <source>Calls first, written tasks grouped after</source>
            <translation>[Çålls fîrst, wrîttéñ tåsks gröüpéd åftér·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Calls due first; email, text and social tasks grouped after (Ctrl+Alt+P)</source>
            <translation>[Çålls düé fîrst; émåîl, téxt åñd söçîål tåsks gröüpéd åftér (Çtrl+Ålt+P)·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Leads in the call list</source>
            <translation>[Léåds îñ thé çåll lîst·~·~·~·]</translation>
        </message>
        <message>
            <source>Call list</source>
            <translation>[Çåll lîst·~]</translation>
        </message>
        <message>
            <source>Call list status</source>
            <translation>[Çåll lîst ståtüs·~·~·]</translation>
        </message>
        <message>
            <source>Import a lead file…  Ctrl+I</source>
            <translation>[Împört å léåd fîlé…  Çtrl+Î·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Import a lead file</source>
            <translation>[Împört å léåd fîlé·~·~·~]</translation>
        </message>
        <message>
            <source>Open the demo (its own database)</source>
            <translation>[Öpéñ thé démö (îts öwñ dåtåbåsé)·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Open the demo</source>
            <translation>[Öpéñ thé démö·~·~]</translation>
        </message>
        <message>
            <source>Opens a second window on demo leads; your own database is not touched</source>
            <translation>[Öpéñs å séçöñd wîñdöw öñ démö léåds; ýöür öwñ dåtåbåsé îs ñöt töüçhéd·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Connect to a team server…</source>
            <translation>[Çöññéçt tö å téåm sérvér…·~·~·~·~]</translation>
        </message>
        <message>
            <source>Connect to a team server</source>
            <translation>[Çöññéçt tö å téåm sérvér·~·~·~·~]</translation>
        </message>
        <message>
            <source>Selected lead preview</source>
            <translation>[Séléçtéd léåd prévîéw·~·~·~·]</translation>
        </message>
        <message>
            <source>Loading the call list…</source>
            <translation>[Löådîñg thé çåll lîst…·~·~·~·]</translation>
        </message>
        <message>
            <source>&lt;b&gt;{to_call}&lt;/b&gt; to call · {listed} listed</source>
            <translation>[&lt;b&gt;{to_call}&lt;/b&gt; tö çåll · {listed} lîstéd·~·~·~]</translation>
        </message>
        <message>
            <source>The call list could not be read:
{error}

Press F5 to try again.</source>
            <translation>[Thé çåll lîst çöüld ñöt bé réåd:
{error}

Préss F5 tö trý ågåîñ.·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>No lead matches “{search}”.
Press Esc to clear.</source>
            <translation>[Ñö léåd måtçhés “{search}”.
Préss Ésç tö çléår.·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>No leads to work yet.
Import a lead file, or wait for new leads to arrive from your team server.
To look around first, open the demo.</source>
            <translation>[Ñö léåds tö wörk ýét.
Împört å léåd fîlé, ör wåît för ñéw léåds tö årrîvé fröm ýöür téåm sérvér.
Tö löök åröüñd fîrst, öpéñ thé démö.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>CallbackPicker</name>
        <message>
            <source>Callback time</source>
            <translation>[Çållbåçk tîmé·~·~]</translation>
        </message>
        <message>
            <source>Tomorrow, same time  Alt+T</source>
            <translation>[Tömörröw, såmé tîmé  Ålt+T·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Callback tomorrow at this local time</source>
            <translation>[Çållbåçk tömörröw åt thîs löçål tîmé·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Tomorrow at the lead's current local time (Alt+T)</source>
            <translation>[Tömörröw åt thé léåd's çürréñt löçål tîmé (Ålt+T)·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>In 2 hours  Alt+2</source>
            <translation>[Îñ 2 höürs  Ålt+2·~·~·]</translation>
        </message>
        <message>
            <source>Callback in 2 hours</source>
            <translation>[Çållbåçk îñ 2 höürs·~·~·~]</translation>
        </message>
        <message>
            <source>Callback date and time</source>
            <translation>[Çållbåçk dåté åñd tîmé·~·~·~·]</translation>
        </message>
        <message>
            <source>Callback calling hours check</source>
            <translation>[Çållbåçk çållîñg höürs çhéçk·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Callback:</source>
            <translation>[Çållbåçk:·~]</translation>
        </message>
        <message>
            <source>checking calling hours…</source>
            <translation>[çhéçkîñg çållîñg höürs…·~·~·~·~]</translation>
        </message>
        <message>
            <source>{time} their time · </source>
            <translation>[{time} théîr tîmé · ·~·~]</translation>
        </message>
        <message>
            <source>{mark} callback {there}{reason}</source>
            <translation>[{mark} çållbåçk {there}{reason}·~]</translation>
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <source>Calls</source>
            <translation>[Çålls]</translation>
        </message>
        <message>
            <source>Emails</source>
            <translation>[Émåîls·]</translation>
        </message>
        <message>
            <source>Texts</source>
            <translation>[Téxts]</translation>
        </message>
        <message>
            <source>Social</source>
            <translation>[Söçîål·]</translation>
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation>[Åttémpts pér léåd·~·~·]</translation>
        </message>
        <message>
            <source>Speed to lead</source>
            <translation>[Spééd tö léåd·~·~]</translation>
        </message>
        <message>
            <source>Outcomes</source>
            <translation>[Öütçömés·~]</translation>
        </message>
        <message>
            <source>Activity per day</source>
            <translation>[Åçtîvîtý pér dåý·~·~·]</translation>
        </message>
        <message>
            <source>Contact rate by the lead's local hour</source>
            <translation>[Çöñtåçt råté bý thé léåd's löçål höür·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Dials and contacts by hour of day (UTC)</source>
            <translation>[Dîåls åñd çöñtåçts bý höür öf dåý (ÜTÇ)·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>n/a</source>
            <translation>[ñ/å]</translation>
        </message>
        <message>
            <source>median {median} · target {low} to {high}</source>
            <translation>[médîåñ {median} · tårgét {low} tö {high}·~·~·~·]</translation>
        </message>
        <message>
            <source>no leads in the period</source>
            <translation>[ñö léåds îñ thé pérîöd·~·~·~·]</translation>
        </message>
        <message>
            <source>Never contacted</source>
            <translation>[Ñévér çöñtåçtéd·~·~]</translation>
        </message>
        <message>
            <source>Outside target</source>
            <translation>[Öütsîdé tårgét·~·~]</translation>
        </message>
        <message>
            <source>{low} to {high} attempts</source>
            <translation>[{low} tö {high} åttémpts·~·~]</translation>
        </message>
        <message>
            <source>target {low}–{high}</source>
            <translation>[tårgét {low}–{high}·~]</translation>
        </message>
        <message>
            <source>median {median} · 90th percentile {p90}</source>
            <translation>[médîåñ {median} · 90th pérçéñtîlé {p90}·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Within 5 minutes</source>
            <translation>[Wîthîñ 5 mîñütés·~·~·]</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>[Låtér]</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>[Öthér]</translation>
        </message>
        <message>
            <source>{attempts} attempts · green: reached a person</source>
            <translation>[{attempts} åttémpts · grééñ: réåçhéd å pérsöñ·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>no attempts in the period</source>
            <translation>[ñö åttémpts îñ thé pérîöd·~·~·~·~]</translation>
        </message>
        <message>
            <source>Reached</source>
            <translation>[Réåçhéd·]</translation>
        </message>
        <message>
            <source>Not reached</source>
            <translation>[Ñöt réåçhéd·~·]</translation>
        </message>
        <message>
            <source>{attempts} attempts over {days} days</source>
            <translation>[{attempts} åttémpts övér {days} dåýs·~·~·~]</translation>
        </message>
        <message>
            <source>{calls} calls, {percent:.0f} % overall</source>
            <translation>[{calls} çålls, {percent:.0f} % övéråll·~·~·~]</translation>
        </message>
        <message>
            <source>no calls in the period</source>
            <translation>[ñö çålls îñ thé pérîöd·~·~·~·]</translation>
        </message>
        <message>
            <source>Contact rate</source>
            <translation>[Çöñtåçt råté·~·]</translation>
        </message>
        <message>
            <source>{hour:02d}h</source>
            <translation>[{hour:02d}h]</translation>
        </message>
        <message>
            <source>{hours:.1f} h</source>
            <translation>[{hours:.1f} h]</translation>
        </message>
        <message>
            <source>{days:.1f} days</source>
            <translation>[{days:.1f} dåýs]</translation>
        </message>
    </context>
    <context>
        <name>Coaching</name>
        <message>
            <source>Calls outside the rules</source>
            <translation>[Çålls öütsîdé thé rülés·~·~·~·~]</translation>
        </message>
        <message>
            <source>Never contacted</source>
            <translation>[Ñévér çöñtåçtéd·~·~]</translation>
        </message>
        <message>
            <source>Stuck at one attempt</source>
            <translation>[Stüçk åt öñé åttémpt·~·~·~]</translation>
        </message>
        <message>
            <source>Voicemail, no message</source>
            <translation>[Vöîçémåîl, ñö méssågé·~·~·~·]</translation>
        </message>
        <message>
            <source>Callbacks missed</source>
            <translation>[Çållbåçks mîsséd·~·~·]</translation>
        </message>
        <message>
            <source>New leads past {minutes} min</source>
            <translation>[Ñéw léåds påst {minutes} mîñ·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>CoachingModel</name>
        <message>
            <source>Lead</source>
            <translation>[Léåd]</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>[Çömpåñý·]</translation>
        </message>
        <message>
            <source>When</source>
            <translation>[Whéñ]</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>[Whåt håppéñéd·~·~]</translation>
        </message>
    </context>
    <context>
        <name>CompactWindow</name>
        <message>
            <source>LeadDesk compact</source>
            <translation>[LéådDésk çömpåçt·~·~·]</translation>
        </message>
        <message>
            <source>Lead name</source>
            <translation>[Léåd ñåmé·~]</translation>
        </message>
        <message>
            <source>Lead number and reason</source>
            <translation>[Léåd ñümbér åñd réåsöñ·~·~·~·]</translation>
        </message>
        <message>
            <source>Dial state</source>
            <translation>[Dîål ståté·~]</translation>
        </message>
        <message>
            <source>Dial  Enter</source>
            <translation>[Dîål  Éñtér·~·]</translation>
        </message>
        <message>
            <source>Dial</source>
            <translation>[Dîål]</translation>
        </message>
        <message>
            <source>Back to the full window</source>
            <translation>[Båçk tö thé füll wîñdöw·~·~·~·~]</translation>
        </message>
        <message>
            <source>Back to the full window (Ctrl+Shift+M)</source>
            <translation>[Båçk tö thé füll wîñdöw (Çtrl+Shîft+M)·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>No lead selected</source>
            <translation>[Ñö léåd séléçtéd·~·~·]</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>[Réådý]</translation>
        </message>
        <message>
            <source>Not callable now</source>
            <translation>[Ñöt çållåblé ñöw·~·~·]</translation>
        </message>
        <message>
            <source>Calling {name}: log the outcome</source>
            <translation>[Çållîñg {name}: lög thé öütçömé·~·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>ConsentEditor</name>
        <message>
            <source>None recorded (strictest rules)</source>
            <translation>[Ñöñé réçördéd (strîçtést rülés)·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Asked to be contacted</source>
            <translation>[Åskéd tö bé çöñtåçtéd·~·~·~·]</translation>
        </message>
        <message>
            <source>Express written consent</source>
            <translation>[Éxpréss wrîttéñ çöñséñt·~·~·~·~]</translation>
        </message>
        <message>
            <source>Existing business relationship</source>
            <translation>[Éxîstîñg büsîñéss rélåtîöñshîp·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Calling rules of</source>
            <translation>[Çållîñg rülés öf·~·~·]</translation>
        </message>
        <message>
            <source>Consent basis</source>
            <translation>[Çöñséñt båsîs·~·~]</translation>
        </message>
        <message>
            <source>Where the consent was given</source>
            <translation>[Whéré thé çöñséñt wås gîvéñ·~·~·~·~·]</translation>
        </message>
        <message>
            <source>where and when (web form, 1 Dec)</source>
            <translation>[whéré åñd whéñ (wéb förm, 1 Déç)·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Save consent</source>
            <translation>[Såvé çöñséñt·~·]</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>[Çöñséñt·]</translation>
        </message>
        <message>
            <source>Rules: {codes}</source>
            <translation>[Rülés: {codes}·]</translation>
        </message>
        <message>
            <source>Rules: unknown (the strictest)</source>
            <translation>[Rülés: üñkñöwñ (thé strîçtést)·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>The calling rules of {places} apply to this lead.</source>
            <translation>[Thé çållîñg rülés öf {places} åpplý tö thîs léåd.·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>No jurisdiction is known: the strictest rules apply.</source>
            <translation>[Ñö jürîsdîçtîöñ îs kñöwñ: thé strîçtést rülés åpplý.·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>LeadDesk hit a bug</source>
            <translation>[LéådDésk hît å büg·~·~·~]</translation>
        </message>
        <message>
            <source>Something unexpected happened: %1

Every outcome you logged is saved on disk and LeadDesk keeps running; a call you had not logged yet is offered for wrap-up at the next start. If it happens again, send the log to your administrator:
%2</source>
            <translation>[Söméthîñg üñéxpéçtéd håppéñéd: %1

Évérý öütçömé ýöü löggéd îs såvéd öñ dîsk åñd LéådDésk kééps rüññîñg; å çåll ýöü håd ñöt löggéd ýét îs öfféréd för wråp-üp åt thé ñéxt stårt. Îf ît håppéñs ågåîñ, séñd thé lög tö ýöür ådmîñîstråtör:
%2·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>DncConfirm</name>
        <message>
            <source>Do not call</source>
            <translation>[Dö ñöt çåll·~·]</translation>
        </message>
        <message>
            <source>Put {name} ({number}) on the do-not-call list? No one will call this number again. Enter confirms, Esc cancels.</source>
            <translation>[Püt {name} ({number}) öñ thé dö-ñöt-çåll lîst? Ñö öñé wîll çåll thîs ñümbér ågåîñ. Éñtér çöñfîrms, Ésç çåñçéls.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>no number</source>
            <translation>[ñö ñümbér·~]</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>[Whý]</translation>
        </message>
        <message>
            <source>e.g. asked not to be called again</source>
            <translation>[é.g. åskéd ñöt tö bé çålléd ågåîñ·~·~·~·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>DncRemoveDialog</name>
        <message>
            <source>Take off the do-not-call list</source>
            <translation>[Tåké öff thé dö-ñöt-çåll lîst·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Take {number} ({name}) off the do-not-call list? Say why: the change is kept with your name and the time.</source>
            <translation>[Tåké {number} ({name}) öff thé dö-ñöt-çåll lîst? Såý whý: thé çhåñgé îs képt wîth ýöür ñåmé åñd thé tîmé.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Take off the list</source>
            <translation>[Tåké öff thé lîst·~·~·]</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>[Whý]</translation>
        </message>
        <message>
            <source>e.g. listed by mistake, wrong number</source>
            <translation>[é.g. lîstéd bý mîståké, wröñg ñümbér·~·~·~·~·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>FromFileBlock</name>
        <message>
            <source>From the file</source>
            <translation>[Fröm thé fîlé·~·~]</translation>
        </message>
        <message>
            <source>Shared number</source>
            <translation>[Shåréd ñümbér·~·~]</translation>
        </message>
        <message>
            <source>Columns from the import file</source>
            <translation>[Çölümñs fröm thé împört fîlé·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Shared number: another lead (another person) has this number</source>
            <translation>[Shåréd ñümbér: åñöthér léåd (åñöthér pérsöñ) hås thîs ñümbér·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Salutation</source>
            <translation>[Sålütåtîöñ·~]</translation>
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>[… åñd %n möré·~·]</numerusform>
                <numerusform>[… åñd %n möré·~·]</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>A call made outside LeadDesk, recorded after the fact</source>
            <translation>[Å çåll mådé öütsîdé LéådDésk, réçördéd åftér thé fåçt·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>The agent took the earlier attempt back (undo)</source>
            <translation>[Thé ågéñt töök thé éårlîér åttémpt båçk (üñdö)·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>This attempt corrects an earlier one</source>
            <translation>[Thîs åttémpt çörréçts åñ éårlîér öñé·~·~·~·~·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>HistoryView</name>
        <message>
            <source>When</source>
            <translation>[Whéñ]</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>[Çhåññél·]</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>[Öütçömé·]</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>[Ågéñt]</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>[Ñöté]</translation>
        </message>
        <message>
            <source>No attempts yet: the first touch is a call.</source>
            <translation>[Ñö åttémpts ýét: thé fîrst töüçh îs å çåll.·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Attempt history</source>
            <translation>[Åttémpt hîstörý·~·~]</translation>
        </message>
    </context>
    <context>
        <name>IdentityDialog</name>
        <message>
            <source>What your scripts say</source>
            <translation>[Whåt ýöür sçrîpts såý·~·~·~·]</translation>
        </message>
        <message>
            <source>Voicemails, emails and texts say who you are and what the lead asked about. Fill these in once; File &gt; Settings changes them later.</source>
            <translation>[Vöîçémåîls, émåîls åñd téxts såý whö ýöü åré åñd whåt thé léåd åskéd åböüt. Fîll thésé îñ öñçé; Fîlé &gt; Séttîñgs çhåñgés thém låtér.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>[Ýöür ñåmé·~]</translation>
        </message>
        <message>
            <source>Your company</source>
            <translation>[Ýöür çömpåñý·~·]</translation>
        </message>
        <message>
            <source>Product or topic</source>
            <translation>[Prödüçt ör töpîç·~·~·]</translation>
        </message>
        <message>
            <source>Callback number</source>
            <translation>[Çållbåçk ñümbér·~·~]</translation>
        </message>
        <message>
            <source>rooftop solar</source>
            <translation>[rööftöp sölår·~·~]</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>[Låtér]</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Lead files (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
            <translation>[Léåd fîlés (*.çsv *.txt *.tsv *.xlsx);;Åll fîlés (*)·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Detect automatically</source>
            <translation>[Détéçt åütömåtîçållý·~·~·~]</translation>
        </message>
        <message>
            <source>CSV with a header row</source>
            <translation>[ÇSV wîth å héådér röw·~·~·~·]</translation>
        </message>
        <message>
            <source>VICIdial lead file</source>
            <translation>[VÎÇÎdîål léåd fîlé·~·~·~]</translation>
        </message>
        <message>
            <source>HubSpot contact export</source>
            <translation>[HübSpöt çöñtåçt éxpört·~·~·~·]</translation>
        </message>
        <message>
            <source>Salesforce export</source>
            <translation>[Sålésförçé éxpört·~·~·]</translation>
        </message>
        <message>
            <source>Excel workbook</source>
            <translation>[Éxçél wörkböök·~·~]</translation>
        </message>
        <message>
            <source>Import leads</source>
            <translation>[Împört léåds·~·]</translation>
        </message>
        <message>
            <source>Lead file</source>
            <translation>[Léåd fîlé·~]</translation>
        </message>
        <message>
            <source>Choose a CSV, tab-separated or Excel file</source>
            <translation>[Çhöösé å ÇSV, tåb-sépåråtéd ör Éxçél fîlé·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>[Bröwsé…·]</translation>
        </message>
        <message>
            <source>Choose the lead file</source>
            <translation>[Çhöösé thé léåd fîlé·~·~·~]</translation>
        </message>
        <message>
            <source>File format</source>
            <translation>[Fîlé förmåt·~·]</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>[Ñö fîlé çhöséñ·~·~]</translation>
        </message>
        <message>
            <source>Detected format</source>
            <translation>[Détéçtéd förmåt·~·~]</translation>
        </message>
        <message>
            <source>Default region for national numbers</source>
            <translation>[Défåült régîöñ för ñåtîöñål ñümbérs·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>(none: numbers need a country)</source>
            <translation>[(ñöñé: ñümbérs ñééd å çöüñtrý)·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>The country of numbers written without a country code, for rows without a country</source>
            <translation>[Thé çöüñtrý öf ñümbérs wrîttéñ wîthöüt å çöüñtrý çödé, för röws wîthöüt å çöüñtrý·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Time zone of the file's times</source>
            <translation>[Tîmé zöñé öf thé fîlé's tîmés·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>This computer's ({zone})</source>
            <translation>[Thîs çömpütér's ({zone})·~·~·~]</translation>
        </message>
        <message>
            <source>Where the system that wrote the file keeps its clock: times without an offset are read in this zone (remembered for each source)</source>
            <translation>[Whéré thé sýstém thåt wröté thé fîlé kééps îts çlöçk: tîmés wîthöüt åñ öffsét åré réåd îñ thîs zöñé (rémémbéréd för éåçh söürçé)·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Order of day and month</source>
            <translation>[Ördér öf dåý åñd möñth·~·~·~·]</translation>
        </message>
        <message>
            <source>From the file</source>
            <translation>[Fröm thé fîlé·~·~]</translation>
        </message>
        <message>
            <source>Month first (3/4 is March 4)</source>
            <translation>[Möñth fîrst (3/4 îs Mårçh 4)·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Day first (3/4 is 3 April)</source>
            <translation>[Dåý fîrst (3/4 îs 3 Åprîl)·~·~·~·~·]</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>[Fîlé:]</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>[Förmåt:·]</translation>
        </message>
        <message>
            <source>Detected:</source>
            <translation>[Détéçtéd:·~]</translation>
        </message>
        <message>
            <source>Default region:</source>
            <translation>[Défåült régîöñ:·~·~]</translation>
        </message>
        <message>
            <source>Times in the file:</source>
            <translation>[Tîmés îñ thé fîlé:·~·~·~]</translation>
        </message>
        <message>
            <source>Dates:</source>
            <translation>[Dåtés:·]</translation>
        </message>
        <message>
            <source>Column mapping</source>
            <translation>[Çölümñ måppîñg·~·~]</translation>
        </message>
        <message>
            <source>Column in the file</source>
            <translation>[Çölümñ îñ thé fîlé·~·~·~]</translation>
        </message>
        <message>
            <source>LeadDesk field</source>
            <translation>[LéådDésk fîéld·~·~]</translation>
        </message>
        <message>
            <source>Sample</source>
            <translation>[Såmplé·]</translation>
        </message>
        <message>
            <source>Owners in the file</source>
            <translation>[Öwñérs îñ thé fîlé·~·~·~]</translation>
        </message>
        <message>
            <source>Owner in the file</source>
            <translation>[Öwñér îñ thé fîlé·~·~·]</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>[Ågéñt]</translation>
        </message>
        <message>
            <source>Owners the first rows name (a supervisor maps them to agents):</source>
            <translation>[Öwñérs thé fîrst röws ñåmé (å süpérvîsör måps thém tö ågéñts):·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>First rows of the file</source>
            <translation>[Fîrst röws öf thé fîlé·~·~·~·]</translation>
        </message>
        <message>
            <source>Import progress</source>
            <translation>[Împört prögréss·~·~]</translation>
        </message>
        <message>
            <source>Import summary</source>
            <translation>[Împört sümmårý·~·~]</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>[Împört·]</translation>
        </message>
        <message>
            <source>Start the import</source>
            <translation>[Stårt thé împört·~·~·]</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>[Çåñçél·]</translation>
        </message>
        <message>
            <source>Cancel the import</source>
            <translation>[Çåñçél thé împört·~·~·]</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>[Çlösé]</translation>
        </message>
        <message>
            <source>Close the dialog</source>
            <translation>[Çlösé thé dîålög·~·~·]</translation>
        </message>
        <message>
            <source>Columns (change a field where the guess is wrong):</source>
            <translation>[Çölümñs (çhåñgé å fîéld whéré thé güéss îs wröñg):·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>First rows:</source>
            <translation>[Fîrst röws:·~·]</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>[Réådîñg…·~]</translation>
        </message>
        <message>
            <source>Not a lead file</source>
            <translation>[Ñöt å léåd fîlé·~·~]</translation>
        </message>
        <message>
            <source>Agent for owner {owner}</source>
            <translation>[Ågéñt för öwñér {owner}·~·~·]</translation>
        </message>
        <message>
            <source>(unknown: the importing agent)</source>
            <translation>[(üñkñöwñ: thé împörtîñg ågéñt)·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Column {number}</source>
            <translation>[Çölümñ {number}·]</translation>
        </message>
        <message>
            <source>LeadDesk field for column {column}</source>
            <translation>[LéådDésk fîéld för çölümñ {column}·~·~·~·~·]</translation>
        </message>
        <message>
            <source>No column is mapped to a phone number: pick the phone column above.</source>
            <translation>[Ñö çölümñ îs måppéd tö å phöñé ñümbér: pîçk thé phöñé çölümñ åbövé.·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Importing…</source>
            <translation>[Împörtîñg…·~]</translation>
        </message>
        <message>
            <source>Cancel import</source>
            <translation>[Çåñçél împört·~·~]</translation>
        </message>
        <message>
            <source>Importing… {rows:,} rows read</source>
            <translation>[Împörtîñg… {rows:,} röws réåd·~·~·~·]</translation>
        </message>
        <message>
            <source>Cancelling… nothing will be kept</source>
            <translation>[Çåñçéllîñg… ñöthîñg wîll bé képt·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>&lt;b&gt;{rows:,} rows&lt;/b&gt;: {imported:,} imported, {updated:,} updated, {duplicates:,} duplicates, {rejected:,} rejected.</source>
            <translation>[&lt;b&gt;{rows:,} röws&lt;/b&gt;: {imported:,} împörtéd, {updated:,} üpdåtéd, {duplicates:,} düplîçåtés, {rejected:,} réjéçtéd.·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>{n:,} report title or footer lines skipped.</source>
            <translation>[{n:,} répört tîtlé ör föötér lîñés skîppéd.·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>{n:,} created dates could not be read: those leads arrived now.</source>
            <translation>[{n:,} çréåtéd dåtés çöüld ñöt bé réåd: thösé léåds årrîvéd ñöw.·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>{n:,} new leads share a number with another person (flagged).</source>
            <translation>[{n:,} ñéw léåds shåré å ñümbér wîth åñöthér pérsöñ (flåggéd).·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Kept on the card as From the file: {columns}.</source>
            <translation>[Képt öñ thé çård ås Fröm thé fîlé: {columns}.·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Owners not matched to an agent (their leads are yours): {owners}.</source>
            <translation>[Öwñérs ñöt måtçhéd tö åñ ågéñt (théîr léåds åré ýöürs): {owners}.·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>&lt;a href="{url}"&gt;Open the rejected rows&lt;/a&gt; ({file}: each with the reason)</source>
            <translation>[&lt;a href="{url}"&gt;Öpéñ thé réjéçtéd röws&lt;/a&gt; ({file}: éåçh wîth thé réåsöñ)·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Import cancelled; nothing was imported.</source>
            <translation>[Împört çåñçélléd; ñöthîñg wås împörtéd.·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Unexpected error: {error}. Nothing was imported.</source>
            <translation>[Üñéxpéçtéd érrör: {error}. Ñöthîñg wås împörtéd.·~·~·~·~·~·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>InboundBanner</name>
        <message>
            <source>Returned call</source>
            <translation>[Rétürñéd çåll·~·~]</translation>
        </message>
        <message>
            <source>Who is calling</source>
            <translation>[Whö îs çållîñg·~·~]</translation>
        </message>
        <message>
            <source>Returned call details</source>
            <translation>[Rétürñéd çåll détåîls·~·~·~·]</translation>
        </message>
        <message>
            <source>Answer (F3)</source>
            <translation>[Åñswér (F3)·~·]</translation>
        </message>
        <message>
            <source>Create lead</source>
            <translation>[Çréåté léåd·~·]</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>[Çöññéçtéd·~]</translation>
        </message>
        <message>
            <source>Qualified</source>
            <translation>[Qüålîfîéd·~]</translation>
        </message>
        <message>
            <source>Not interested</source>
            <translation>[Ñöt îñtéréstéd·~·~]</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>[Dîsmîss·]</translation>
        </message>
    </context>
    <context>
        <name>LeadCard</name>
        <message>
            <source>Lead card</source>
            <translation>[Léåd çård·~]</translation>
        </message>
        <message>
            <source>Lead name</source>
            <translation>[Léåd ñåmé·~]</translation>
        </message>
        <message>
            <source>Company and title</source>
            <translation>[Çömpåñý åñd tîtlé·~·~·]</translation>
        </message>
        <message>
            <source>Callable now</source>
            <translation>[Çållåblé ñöw·~·]</translation>
        </message>
        <message>
            <source>Phone number</source>
            <translation>[Phöñé ñümbér·~·]</translation>
        </message>
        <message>
            <source>International number</source>
            <translation>[Îñtérñåtîöñål ñümbér·~·~·~]</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>[Çöpý]</translation>
        </message>
        <message>
            <source>Copy number</source>
            <translation>[Çöpý ñümbér·~·]</translation>
        </message>
        <message>
            <source>Copy the number (Ctrl+Shift+C)</source>
            <translation>[Çöpý thé ñümbér (Çtrl+Shîft+Ç)·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Lead local time</source>
            <translation>[Léåd löçål tîmé·~·~]</translation>
        </message>
        <message>
            <source>Why callable or not</source>
            <translation>[Whý çållåblé ör ñöt·~·~·~]</translation>
        </message>
        <message>
            <source>Attempt of cadence</source>
            <translation>[Åttémpt öf çådéñçé·~·~·~]</translation>
        </message>
        <message>
            <source>Next cadence step</source>
            <translation>[Ñéxt çådéñçé stép·~·~·]</translation>
        </message>
        <message>
            <source>Age since arrival</source>
            <translation>[Ågé sîñçé årrîvål·~·~·]</translation>
        </message>
        <message>
            <source>Age caption</source>
            <translation>[Ågé çåptîöñ·~·]</translation>
        </message>
        <message>
            <source>Last attempt</source>
            <translation>[Låst åttémpt·~·]</translation>
        </message>
        <message>
            <source>Last attempt caption</source>
            <translation>[Låst åttémpt çåptîöñ·~·~·~]</translation>
        </message>
        <message>
            <source>Select a lead in the call list.</source>
            <translation>[Séléçt å léåd îñ thé çåll lîst.·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>No lead selected</source>
            <translation>[Ñö léåd séléçtéd·~·~·]</translation>
        </message>
        <message>
            <source>Lead not available</source>
            <translation>[Léåd ñöt åvåîlåblé·~·~·~]</translation>
        </message>
        <message>
            <source>no number</source>
            <translation>[ñö ñümbér·~]</translation>
        </message>
        <message>
            <source>time zone unknown</source>
            <translation>[tîmé zöñé üñkñöwñ·~·~·]</translation>
        </message>
        <message>
            <source>{time} their time</source>
            <translation>[{time} théîr tîmé·~·]</translation>
        </message>
        <message>
            <source>Closed: {status}</source>
            <translation>[Çlöséd: {status}·~]</translation>
        </message>
        <message numerus="yes">
            <source>%n attempt(s) made</source>
            <translation>
                <numerusform>[%n åttémpt mådé·~·~]</numerusform>
                <numerusform>[%n åttémpts mådé·~·~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Attempt {number} of {length}</source>
            <translation>[Åttémpt {number} öf {length}·~·]</translation>
        </message>
        <message>
            <source>callback {when}</source>
            <translation>[çållbåçk {when}·~]</translation>
        </message>
        <message>
            <source>Never contacted</source>
            <translation>[Ñévér çöñtåçtéd·~·~]</translation>
        </message>
        <message>
            <source>first touch is a call</source>
            <translation>[fîrst töüçh îs å çåll·~·~·~·]</translation>
        </message>
        <message>
            <source>{when} by {agent}</source>
            <translation>[{when} bý {agent}]</translation>
        </message>
        <message>
            <source>Email due</source>
            <translation>[Émåîl düé·~]</translation>
        </message>
        <message>
            <source>Text due</source>
            <translation>[Téxt düé·~]</translation>
        </message>
        <message>
            <source>Social touch due</source>
            <translation>[Söçîål töüçh düé·~·~·]</translation>
        </message>
        <message>
            <source>Blocked: on the do-not-call list</source>
            <translation>[Blöçkéd: öñ thé dö-ñöt-çåll lîst·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Blocked: no good phone number</source>
            <translation>[Blöçkéd: ñö gööd phöñé ñümbér·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Later: {reason}</source>
            <translation>[Låtér: {reason}·]</translation>
        </message>
        <message>
            <source>Blocked: {reason}</source>
            <translation>[Blöçkéd: {reason}·~]</translation>
        </message>
        <message>
            <source>Call now</source>
            <translation>[Çåll ñöw·~]</translation>
        </message>
        <message>
            <source>waiting since arrival</source>
            <translation>[wåîtîñg sîñçé årrîvål·~·~·~·]</translation>
        </message>
        <message>
            <source>{age} old</source>
            <translation>[{age} öld]</translation>
        </message>
        <message>
            <source>first call after {wait}</source>
            <translation>[fîrst çåll åftér {wait}·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>LeadNotes</name>
        <message>
            <source>No voicemail script for this lead.</source>
            <translation>[Ñö vöîçémåîl sçrîpt för thîs léåd.·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>No script: {error}</source>
            <translation>[Ñö sçrîpt: {error}·~·]</translation>
        </message>
        <message>
            <source>Rapport notes could not be read: {error}</source>
            <translation>[Råppört ñötés çöüld ñöt bé réåd: {error}·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Note added</source>
            <translation>[Ñöté åddéd·~]</translation>
        </message>
        <message>
            <source>Note saved</source>
            <translation>[Ñöté såvéd·~]</translation>
        </message>
        <message>
            <source>Note pinned</source>
            <translation>[Ñöté pîññéd·~·]</translation>
        </message>
        <message>
            <source>Note unpinned</source>
            <translation>[Ñöté üñpîññéd·~·~]</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>LeadDesk agent window</source>
            <translation>[LéådDésk ågéñt wîñdöw·~·~·~·]</translation>
        </message>
        <message>
            <source>LeadDesk · {agent}</source>
            <translation>[LéådDésk · {agent}·~·]</translation>
        </message>
        <message>
            <source>{title} · DEMO</source>
            <translation>[{title} · DÉMÖ·]</translation>
        </message>
        <message>
            <source>Voicemail script</source>
            <translation>[Vöîçémåîl sçrîpt·~·~·]</translation>
        </message>
        <message>
            <source>Rapport</source>
            <translation>[Råppört·]</translation>
        </message>
        <message>
            <source>History</source>
            <translation>[Hîstörý·]</translation>
        </message>
        <message>
            <source>Email or text</source>
            <translation>[Émåîl ör téxt·~·~]</translation>
        </message>
        <message>
            <source>Background work</source>
            <translation>[Båçkgröüñd wörk·~·~]</translation>
        </message>
        <message>
            <source>Demo database: these leads are not yours</source>
            <translation>[Démö dåtåbåsé: thésé léåds åré ñöt ýöürs·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Demo database</source>
            <translation>[Démö dåtåbåsé·~·~]</translation>
        </message>
        <message>
            <source>working…</source>
            <translation>[wörkîñg…·~]</translation>
        </message>
        <message>
            <source>No lead selected.</source>
            <translation>[Ñö léåd séléçtéd.·~·~·]</translation>
        </message>
        <message>
            <source>&lt;b&gt;Preview:&lt;/b&gt; {name} · {local} their time · {reason} &lt;i&gt;(the card stays on {called} until the call is logged)&lt;/i&gt;</source>
            <translation>[&lt;b&gt;Prévîéw:&lt;/b&gt; {name} · {local} théîr tîmé · {reason} &lt;i&gt;(thé çård ståýs öñ {called} üñtîl thé çåll îs löggéd)&lt;/i&gt;·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Copied {number}</source>
            <translation>[Çöpîéd {number}·]</translation>
        </message>
        <message>
            <source>Opening the demo in a window of its own…</source>
            <translation>[Öpéñîñg thé démö îñ å wîñdöw öf îts öwñ…·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>The demo could not be started: run leaddesk --demo</source>
            <translation>[Thé démö çöüld ñöt bé stårtéd: rüñ léåddésk --démö·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Set the team server in File &gt; Settings.</source>
            <translation>[Sét thé téåm sérvér îñ Fîlé &gt; Séttîñgs.·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Something went wrong: {error}. Details are in the log.</source>
            <translation>[Söméthîñg wéñt wröñg: {error}. Détåîls åré îñ thé lög.·~·~·~·~·~·~·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>ManualCallDialog</name>
        <message>
            <source>Log a call made elsewhere</source>
            <translation>[Lög å çåll mådé élséwhéré·~·~·~·~]</translation>
        </message>
        <message>
            <source>Record a call to {name} made outside LeadDesk. It is marked as recorded by hand in the history.</source>
            <translation>[Réçörd å çåll tö {name} mådé öütsîdé LéådDésk. Ît îs mårkéd ås réçördéd bý håñd îñ thé hîstörý.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Log the call</source>
            <translation>[Lög thé çåll·~·]</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>[Öütçömé·]</translation>
        </message>
        <message>
            <source>Choose what happened…</source>
            <translation>[Çhöösé whåt håppéñéd…·~·~·~·]</translation>
        </message>
        <message>
            <source>When the call was made</source>
            <translation>[Whéñ thé çåll wås mådé·~·~·~·]</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>[Ñöté]</translation>
        </message>
        <message>
            <source>When</source>
            <translation>[Whéñ]</translation>
        </message>
    </context>
    <context>
        <name>MeasureTiles</name>
        <message>
            <source>Leads</source>
            <translation>[Léåds]</translation>
        </message>
        <message>
            <source>Never contacted</source>
            <translation>[Ñévér çöñtåçtéd·~·~]</translation>
        </message>
        <message>
            <source>Speed to lead</source>
            <translation>[Spééd tö léåd·~·~]</translation>
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation>[Åttémpts pér léåd·~·~·]</translation>
        </message>
        <message>
            <source>Second-attempt rate</source>
            <translation>[Séçöñd-åttémpt råté·~·~·~]</translation>
        </message>
        <message>
            <source>Contact rate</source>
            <translation>[Çöñtåçt råté·~·]</translation>
        </message>
        <message>
            <source>Voicemails left</source>
            <translation>[Vöîçémåîls léft·~·~]</translation>
        </message>
        <message>
            <source>First touch a call</source>
            <translation>[Fîrst töüçh å çåll·~·~·~]</translation>
        </message>
        <message>
            <source>{attempts:,} attempts in the period</source>
            <translation>[{attempts:,} åttémpts îñ thé pérîöd·~·~·~·~]</translation>
        </message>
        <message>
            <source>no leads in the period</source>
            <translation>[ñö léåds îñ thé pérîöd·~·~·~·]</translation>
        </message>
        <message>
            <source>{percent:.0f} % of the leads</source>
            <translation>[{percent:.0f} % öf thé léåds·~·~]</translation>
        </message>
        <message>
            <source>no lead contacted in the period</source>
            <translation>[ñö léåd çöñtåçtéd îñ thé pérîöd·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>median · 90th percentile {p90}</source>
            <translation>[médîåñ · 90th pérçéñtîlé {p90}·~·~·~·~]</translation>
        </message>
        <message>
            <source>median until reached · target {low} to {high}</source>
            <translation>[médîåñ üñtîl réåçhéd · tårgét {low} tö {high}·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>of leads not reached got a 2nd attempt</source>
            <translation>[öf léåds ñöt réåçhéd göt å 2ñd åttémpt·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>of calls reached a person</source>
            <translation>[öf çålls réåçhéd å pérsöñ·~·~·~·~]</translation>
        </message>
        <message>
            <source>{left} of {reached} voicemails reached</source>
            <translation>[{left} öf {reached} vöîçémåîls réåçhéd·~·~·~·~]</translation>
        </message>
        <message>
            <source> · scripts {seconds:.0f} s</source>
            <translation>[ · sçrîpts {seconds:.0f} s·~·~]</translation>
        </message>
        <message>
            <source>of contacted leads were called first</source>
            <translation>[öf çöñtåçtéd léåds wéré çålléd fîrst·~·~·~·~·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <source>&amp;File</source>
            <translation>[&amp;Fîlé]</translation>
        </message>
        <message>
            <source>Import leads…</source>
            <translation>[Împört léåds…·~·~]</translation>
        </message>
        <message>
            <source>Supervisor review</source>
            <translation>[Süpérvîsör révîéw·~·~·]</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>[Qüît]</translation>
        </message>
        <message>
            <source>&amp;Lead</source>
            <translation>[&amp;Léåd]</translation>
        </message>
        <message>
            <source>Voicemail drops…</source>
            <translation>[Vöîçémåîl dröps…·~·~·]</translation>
        </message>
        <message>
            <source>Dial</source>
            <translation>[Dîål]</translation>
        </message>
        <message>
            <source>Hang up</source>
            <translation>[Håñg üp·]</translation>
        </message>
        <message>
            <source>Copy number</source>
            <translation>[Çöpý ñümbér·~·]</translation>
        </message>
        <message>
            <source>Find a lead</source>
            <translation>[Fîñd å léåd·~·]</translation>
        </message>
        <message>
            <source>Go to the call list</source>
            <translation>[Gö tö thé çåll lîst·~·~·~]</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>[Réfrésh·]</translation>
        </message>
        <message>
            <source>Undo last outcome</source>
            <translation>[Üñdö låst öütçömé·~·~·]</translation>
        </message>
        <message>
            <source>Log a call made elsewhere…</source>
            <translation>[Lög å çåll mådé élséwhéré…·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Take off the do-not-call list…</source>
            <translation>[Tåké öff thé dö-ñöt-çåll lîst…·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Call now anyway…</source>
            <translation>[Çåll ñöw åñýwåý…·~·~·]</translation>
        </message>
        <message>
            <source>Answer the returned call</source>
            <translation>[Åñswér thé rétürñéd çåll·~·~·~·~]</translation>
        </message>
        <message>
            <source>Log a returned call…</source>
            <translation>[Lög å rétürñéd çåll…·~·~·~]</translation>
        </message>
        <message>
            <source>Drop voicemail</source>
            <translation>[Dröp vöîçémåîl·~·~]</translation>
        </message>
        <message>
            <source>Note for this attempt</source>
            <translation>[Ñöté för thîs åttémpt·~·~·~·]</translation>
        </message>
        <message>
            <source>Callback tomorrow, same time</source>
            <translation>[Çållbåçk tömörröw, såmé tîmé·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Callback in 2 hours</source>
            <translation>[Çållbåçk îñ 2 höürs·~·~·~]</translation>
        </message>
        <message>
            <source>Next script variant</source>
            <translation>[Ñéxt sçrîpt vårîåñt·~·~·~]</translation>
        </message>
        <message>
            <source>Add rapport note</source>
            <translation>[Ådd råppört ñöté·~·~·]</translation>
        </message>
        <message>
            <source>Edit rapport note</source>
            <translation>[Édît råppört ñöté·~·~·]</translation>
        </message>
        <message>
            <source>Pin rapport note</source>
            <translation>[Pîñ råppört ñöté·~·~·]</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>[&amp;Vîéw]</translation>
        </message>
        <message>
            <source>Compact mode (always on top)</source>
            <translation>[Çömpåçt mödé (ålwåýs öñ töp)·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>History</source>
            <translation>[Hîstörý·]</translation>
        </message>
        <message>
            <source>Calls only (calls first, written tasks after)</source>
            <translation>[Çålls öñlý (çålls fîrst, wrîttéñ tåsks åftér)·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Every section</source>
            <translation>[Évérý séçtîöñ·~·~]</translation>
        </message>
        <message>
            <source>Only {section}</source>
            <translation>[Öñlý {section}]</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>[&amp;Hélp]</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>[Kéýböård shörtçüts·~·~·~]</translation>
        </message>
        <message>
            <source>Outcomes</source>
            <translation>[Öütçömés·~]</translation>
        </message>
    </context>
    <context>
        <name>MessageFlow</name>
        <message>
            <source>No app opens this link here: copy the text instead.</source>
            <translation>[Ñö åpp öpéñs thîs lîñk héré: çöpý thé téxt îñstéåd.·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Message copied</source>
            <translation>[Méssågé çöpîéd·~·~]</translation>
        </message>
    </context>
    <context>
        <name>MessagePanel</name>
        <message>
            <source>Email or text to send</source>
            <translation>[Émåîl ör téxt tö séñd·~·~·~·]</translation>
        </message>
        <message>
            <source>Email subject</source>
            <translation>[Émåîl sübjéçt·~·~]</translation>
        </message>
        <message>
            <source>Message text</source>
            <translation>[Méssågé téxt·~·]</translation>
        </message>
        <message>
            <source>Open in mail app</source>
            <translation>[Öpéñ îñ måîl åpp·~·~·]</translation>
        </message>
        <message>
            <source>Open in the mail or messages app</source>
            <translation>[Öpéñ îñ thé måîl ör méssågés åpp·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>[Çöpý]</translation>
        </message>
        <message>
            <source>Copy the message</source>
            <translation>[Çöpý thé méssågé·~·~·]</translation>
        </message>
        <message>
            <source>Sent: log it</source>
            <translation>[Séñt: lög ît·~·]</translation>
        </message>
        <message>
            <source>Log the message as sent</source>
            <translation>[Lög thé méssågé ås séñt·~·~·~·~]</translation>
        </message>
        <message>
            <source>Email {n} of {total} for this step</source>
            <translation>[Émåîl {n} öf {total} för thîs stép·~·~·~·~]</translation>
        </message>
        <message>
            <source>Text {n} of {total} for this step</source>
            <translation>[Téxt {n} öf {total} för thîs stép·~·~·~·~]</translation>
        </message>
        <message>
            <source>Subject: {subject}</source>
            <translation>[Sübjéçt: {subject}·~]</translation>
        </message>
        <message>
            <source>Open in messages app</source>
            <translation>[Öpéñ îñ méssågés åpp·~·~·~]</translation>
        </message>
        <message>
            <source>No email address: copy the text</source>
            <translation>[Ñö émåîl åddréss: çöpý thé téxt·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>No number</source>
            <translation>[Ñö ñümbér·~]</translation>
        </message>
        <message>
            <source>Sent: log it  {key}</source>
            <translation>[Séñt: lög ît  {key}·~·~]</translation>
        </message>
        <message>
            <source>Log the email as sent</source>
            <translation>[Lög thé émåîl ås séñt·~·~·~·]</translation>
        </message>
        <message>
            <source>Log the text as sent</source>
            <translation>[Lög thé téxt ås séñt·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>OutcomeBar</name>
        <message>
            <source>VM, no msg</source>
            <translation>[VM, ñö msg·~]</translation>
        </message>
        <message>
            <source>Outcome bar</source>
            <translation>[Öütçömé bår·~·]</translation>
        </message>
        <message>
            <source>Dial   Enter</source>
            <translation>[Dîål   Éñtér·~·]</translation>
        </message>
        <message>
            <source>Dial</source>
            <translation>[Dîål]</translation>
        </message>
        <message>
            <source>Call the selected lead (Enter)</source>
            <translation>[Çåll thé séléçtéd léåd (Éñtér)·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Dial state</source>
            <translation>[Dîål ståté·~]</translation>
        </message>
        <message>
            <source>Call now anyway…</source>
            <translation>[Çåll ñöw åñýwåý…·~·~·]</translation>
        </message>
        <message>
            <source>Call now anyway</source>
            <translation>[Çåll ñöw åñýwåý·~·~]</translation>
        </message>
        <message>
            <source>Call a lead planned for later now, inside its calling hours (asks why)</source>
            <translation>[Çåll å léåd plåññéd för låtér ñöw, îñsîdé îts çållîñg höürs (åsks whý)·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Call not started</source>
            <translation>[Çåll ñöt stårtéd·~·~·]</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>[Çöpý]</translation>
        </message>
        <message>
            <source>Copy the number</source>
            <translation>[Çöpý thé ñümbér·~·~]</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>[Dîsmîss·]</translation>
        </message>
        <message>
            <source>Dismiss the message</source>
            <translation>[Dîsmîss thé méssågé·~·~·~]</translation>
        </message>
        <message>
            <source>Number to dial by hand</source>
            <translation>[Ñümbér tö dîål bý håñd·~·~·~·]</translation>
        </message>
        <message>
            <source>Outcome note</source>
            <translation>[Öütçömé ñöté·~·]</translation>
        </message>
        <message>
            <source>Note for this attempt (Ctrl+L)</source>
            <translation>[Ñöté för thîs åttémpt (Çtrl+L)·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Call duration in seconds</source>
            <translation>[Çåll düråtîöñ îñ séçöñds·~·~·~·~]</translation>
        </message>
        <message>
            <source> s</source>
            <comment>seconds after the call duration</comment>
            <translation>[ s]</translation>
        </message>
        <message>
            <source>no duration</source>
            <translation>[ñö düråtîöñ·~·]</translation>
        </message>
        <message>
            <source>How long the call lasted; filled in while a call runs</source>
            <translation>[Höw löñg thé çåll låstéd; fîlléd îñ whîlé å çåll rüñs·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Dial first (Enter)</source>
            <translation>[Dîål fîrst (Éñtér)·~·~·~]</translation>
        </message>
        <message>
            <source>&lt;b style="color:{color}"&gt;Call to {name} was not logged&lt;/b&gt; (started {started}). Press the outcome key to wrap it up.</source>
            <translation>[&lt;b style="color:{color}"&gt;Çåll tö {name} wås ñöt löggéd&lt;/b&gt; (stårtéd {started}). Préss thé öütçömé kéý tö wråp ît üp.·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>&lt;b style="color:{color}"&gt;{name}&lt;/b&gt; · {call} · Ctrl+H hangs up; log the outcome before the next dial</source>
            <translation>[&lt;b style="color:{color}"&gt;{name}&lt;/b&gt; · {call} · Çtrl+H håñgs üp; lög thé öütçömé béföré thé ñéxt dîål·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>&lt;b style="color:{color}"&gt;Calling {name}&lt;/b&gt; · {timer} · log the outcome (keys 1–9, letters) before the next dial</source>
            <translation>[&lt;b style="color:{color}"&gt;Çållîñg {name}&lt;/b&gt; · {timer} · lög thé öütçömé (kéýs 1–9, léttérs) béföré thé ñéxt dîål·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>the lead</source>
            <translation>[thé léåd·~]</translation>
        </message>
        <message>
            <source>Press Enter to log “{outcome}”, or another outcome key.</source>
            <translation>[Préss Éñtér tö lög “{outcome}”, ör åñöthér öütçömé kéý.·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Choose the outcome (keys 1–9, letters).</source>
            <translation>[Çhöösé thé öütçömé (kéýs 1–9, léttérs).·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>&lt;b style="color:{color}"&gt;Call to {name} ended&lt;/b&gt; · {description} {hint}</source>
            <translation>[&lt;b style="color:{color}"&gt;Çåll tö {name} éñdéd&lt;/b&gt; · {description} {hint}·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>OutcomeButton</name>
        <message>
            <source>{outcome} (key {key})</source>
            <translation>[{outcome} (kéý {key})·]</translation>
        </message>
        <message>
            <source>Log “{outcome}” (key {key})</source>
            <translation>[Lög “{outcome}” (kéý {key})·~·~]</translation>
        </message>
    </context>
    <context>
        <name>PhoneTime</name>
        <message>
            <source>Agent</source>
            <translation>[Ågéñt]</translation>
        </message>
        <message>
            <source>Outbound</source>
            <translation>[Öütböüñd·~]</translation>
        </message>
        <message>
            <source>Inbound</source>
            <translation>[Îñböüñd·]</translation>
        </message>
        <message>
            <source>Talk</source>
            <translation>[Tålk]</translation>
        </message>
        <message>
            <source>Wrap-up</source>
            <translation>[Wråp-üp·]</translation>
        </message>
        <message>
            <source>AHT</source>
            <translation>[ÅHT]</translation>
        </message>
        <message>
            <source>Dials/h</source>
            <translation>[Dîåls/h·]</translation>
        </message>
        <message>
            <source>Contacts/h</source>
            <translation>[Çöñtåçts/h·~]</translation>
        </message>
        <message>
            <source>Ready</source>
            <translation>[Réådý]</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>[Påüséd·]</translation>
        </message>
        <message>
            <source>{dials} dials, {contacts} contacts</source>
            <translation>[{dials} dîåls, {contacts} çöñtåçts·~·~·]</translation>
        </message>
        <message>
            <source>Dials</source>
            <translation>[Dîåls]</translation>
        </message>
        <message>
            <source>Contacts</source>
            <translation>[Çöñtåçts·~]</translation>
        </message>
    </context>
    <context>
        <name>PhoneTimePanel</name>
        <message>
            <source>Phone time summary</source>
            <translation>[Phöñé tîmé sümmårý·~·~·~]</translation>
        </message>
        <message>
            <source>Phone time by agent</source>
            <translation>[Phöñé tîmé bý ågéñt·~·~·~]</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>[Téåm]</translation>
        </message>
        <message>
            <source>No calls in the period.</source>
            <translation>[Ñö çålls îñ thé pérîöd.·~·~·~·~]</translation>
        </message>
        <message>
            <source>{out} outbound and {inbound} returned calls · talk {talk}, wrap-up {wrap}, average handle time {aht} · {dials} dials and {contacts} contacts an hour over {hours} active hours</source>
            <translation>[{out} öütböüñd åñd {inbound} rétürñéd çålls · tålk {talk}, wråp-üp {wrap}, åvérågé håñdlé tîmé {aht} · {dials} dîåls åñd {contacts} çöñtåçts åñ höür övér {hours} åçtîvé höürs·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source> (not known: the agent states recorded begin after the first call of the period)</source>
            <translation>[ (ñöt kñöwñ: thé ågéñt ståtés réçördéd bégîñ åftér thé fîrst çåll öf thé pérîöd)·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>ProblemDialog</name>
        <message>
            <source>LeadDesk cannot save</source>
            <translation>[LéådDésk çåññöt såvé·~·~·~]</translation>
        </message>
        <message>
            <source>LeadDesk cannot start</source>
            <translation>[LéådDésk çåññöt stårt·~·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>RapportPanel</name>
        <message>
            <source>Rapport notes</source>
            <translation>[Råppört ñötés·~·~]</translation>
        </message>
        <message>
            <source>Suggested openers</source>
            <translation>[Süggéstéd öpéñérs·~·~·]</translation>
        </message>
        <message>
            <source>Rapport notes list</source>
            <translation>[Råppört ñötés lîst·~·~·~]</translation>
        </message>
        <message>
            <source>Note kind</source>
            <translation>[Ñöté kîñd·~]</translation>
        </message>
        <message>
            <source>New rapport note</source>
            <translation>[Ñéw råppört ñöté·~·~·]</translation>
        </message>
        <message>
            <source>What did you learn? (Ctrl+N)</source>
            <translation>[Whåt dîd ýöü léårñ? (Çtrl+Ñ)·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>[Ådd]</translation>
        </message>
        <message>
            <source>Add note</source>
            <translation>[Ådd ñöté·~]</translation>
        </message>
        <message>
            <source>Edit  F2</source>
            <translation>[Édît  F2·~]</translation>
        </message>
        <message>
            <source>Edit note</source>
            <translation>[Édît ñöté·~]</translation>
        </message>
        <message>
            <source>Edit the selected note (F2)</source>
            <translation>[Édît thé séléçtéd ñöté (F2)·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Pin or unpin note</source>
            <translation>[Pîñ ör üñpîñ ñöté·~·~·]</translation>
        </message>
        <message>
            <source>Pin the selected note on top (Ctrl+Shift+P)</source>
            <translation>[Pîñ thé séléçtéd ñöté öñ töp (Çtrl+Shîft+P)·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Pin</source>
            <translation>[Pîñ]</translation>
        </message>
        <message>
            <source>Select a lead to see its rapport notes.</source>
            <translation>[Séléçt å léåd tö séé îts råppört ñötés.·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>&lt;i&gt;No openers yet: ask what matters to them today.&lt;/i&gt;</source>
            <translation>[&lt;i&gt;Ñö öpéñérs ýét: åsk whåt måttérs tö thém tödåý.&lt;/i&gt;·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Pinned</source>
            <translation>[Pîññéd·]</translation>
        </message>
        <message>
            <source>No notes yet.</source>
            <translation>[Ñö ñötés ýét.·~·~]</translation>
        </message>
        <message>
            <source>Unpin</source>
            <translation>[Üñpîñ]</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>[Såvé]</translation>
        </message>
    </context>
    <context>
        <name>ReportPdf</name>
        <message>
            <source>Speed to lead</source>
            <translation>[Spééd tö léåd·~·~]</translation>
        </message>
        <message>
            <source>first attempt minus the lead's arrival; median and 90th percentile</source>
            <translation>[fîrst åttémpt mîñüs thé léåd's årrîvål; médîåñ åñd 90th pérçéñtîlé·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation>[Åttémpts pér léåd·~·~·]</translation>
        </message>
        <message>
            <source>attempts until the lead was reached, or all of them; median</source>
            <translation>[åttémpts üñtîl thé léåd wås réåçhéd, ör åll öf thém; médîåñ·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Second-attempt rate</source>
            <translation>[Séçöñd-åttémpt råté·~·~·~]</translation>
        </message>
        <message>
            <source>leads not reached on attempt 1 that got attempt 2</source>
            <translation>[léåds ñöt réåçhéd öñ åttémpt 1 thåt göt åttémpt 2·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Never contacted</source>
            <translation>[Ñévér çöñtåçtéd·~·~]</translation>
        </message>
        <message>
            <source>leads of the period with no attempt at all</source>
            <translation>[léåds öf thé pérîöd wîth ñö åttémpt åt åll·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Voicemails left</source>
            <translation>[Vöîçémåîls léft·~·~]</translation>
        </message>
        <message>
            <source>voicemails left per voicemail reached; mean script length</source>
            <translation>[vöîçémåîls léft pér vöîçémåîl réåçhéd; méåñ sçrîpt léñgth·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Contact rate</source>
            <translation>[Çöñtåçt råté·~·]</translation>
        </message>
        <message>
            <source>calls that reached a person per call</source>
            <translation>[çålls thåt réåçhéd å pérsöñ pér çåll·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>First touch a call</source>
            <translation>[Fîrst töüçh å çåll·~·~·~]</translation>
        </message>
        <message>
            <source>leads whose first attempt was a call</source>
            <translation>[léåds whösé fîrst åttémpt wås å çåll·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Average handle time</source>
            <translation>[Åvérågé håñdlé tîmé·~·~·~]</translation>
        </message>
        <message>
            <source>talk plus wrap-up (hang-up to outcome) per call with talk time</source>
            <translation>[tålk plüs wråp-üp (håñg-üp tö öütçömé) pér çåll wîth tålk tîmé·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Dials and contacts per hour</source>
            <translation>[Dîåls åñd çöñtåçts pér höür·~·~·~·~·]</translation>
        </message>
        <message>
            <source>outbound calls and calls that reached a person (returned calls included) per active hour, first call to last wrap-up</source>
            <translation>[öütböüñd çålls åñd çålls thåt réåçhéd å pérsöñ (rétürñéd çålls îñçlüdéd) pér åçtîvé höür, fîrst çåll tö låst wråp-üp·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>[Téåm]</translation>
        </message>
        <message>
            <source>{name}: {out} outbound, {inbound} returned calls · talk {talk} · wrap-up {wrap} · AHT {aht} · {dials} dials/h · {contacts} contacts/h</source>
            <translation>[{name}: {out} öütböüñd, {inbound} rétürñéd çålls · tålk {talk} · wråp-üp {wrap} · ÅHT {aht} · {dials} dîåls/h · {contacts} çöñtåçts/h·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>[Ågéñt]</translation>
        </message>
        <message>
            <source>Leads</source>
            <translation>[Léåds]</translation>
        </message>
        <message>
            <source>Attempts</source>
            <translation>[Åttémpts·~]</translation>
        </message>
        <message>
            <source>Speed median</source>
            <translation>[Spééd médîåñ·~·]</translation>
        </message>
        <message>
            <source>Speed p90</source>
            <translation>[Spééd p90·~]</translation>
        </message>
        <message>
            <source>Att./lead</source>
            <translation>[Ått./léåd·~]</translation>
        </message>
        <message>
            <source>2nd attempt</source>
            <translation>[2ñd åttémpt·~·]</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>[Çöñtåçt·]</translation>
        </message>
        <message>
            <source>VM left</source>
            <translation>[VM léft·]</translation>
        </message>
        <message>
            <source>Call first</source>
            <translation>[Çåll fîrst·~]</translation>
        </message>
        <message>
            <source>LeadDesk report: {name}</source>
            <translation>[LéådDésk répört: {name}·~·~·]</translation>
        </message>
        <message>
            <source>the beginning</source>
            <translation>[thé bégîññîñg·~·~]</translation>
        </message>
        <message>
            <source>Lead-response report</source>
            <translation>[Léåd-réspöñsé répört·~·~·~]</translation>
        </message>
        <message>
            <source>{who} · from {since} to {until}</source>
            <translation>[{who} · fröm {since} tö {until}·~·]</translation>
        </message>
        <message>
            <source>LeadDesk · generated {stamp}</source>
            <translation>[LéådDésk · géñéråtéd {stamp}·~·~·~·]</translation>
        </message>
        <message>
            <source>Activity and definitions</source>
            <translation>[Åçtîvîtý åñd défîñîtîöñs·~·~·~·~]</translation>
        </message>
        <message>
            <source>Phone time</source>
            <translation>[Phöñé tîmé·~]</translation>
        </message>
        <message>
            <source>What the measures mean</source>
            <translation>[Whåt thé méåsürés méåñ·~·~·~·]</translation>
        </message>
        <message>
            <source>{name}: {meaning}.</source>
            <translation>[{name}: {meaning}.]</translation>
        </message>
    </context>
    <context>
        <name>ReturnedCalls</name>
        <message>
            <source>an unknown number</source>
            <translation>[åñ üñkñöwñ ñümbér·~·~·]</translation>
        </message>
        <message>
            <source>Incoming call</source>
            <translation>[Îñçömîñg çåll·~·~]</translation>
        </message>
        <message>
            <source>from {number}</source>
            <translation>[fröm {number}]</translation>
        </message>
        <message>
            <source>{number} is calling</source>
            <translation>[{number} îs çållîñg·~·]</translation>
        </message>
        <message>
            <source>{name} is calling back</source>
            <translation>[{name} îs çållîñg båçk·~·~·]</translation>
        </message>
        <message>
            <source>Press {key} to answer</source>
            <translation>[Préss {key} tö åñswér·~·~·]</translation>
        </message>
        <message>
            <source>Unknown caller {number}</source>
            <translation>[Üñkñöwñ çållér {number}·~·~]</translation>
        </message>
        <message>
            <source>On the line</source>
            <translation>[Öñ thé lîñé·~·]</translation>
        </message>
        <message>
            <source>{number} · press {key} to answer</source>
            <translation>[{number} · préss {key} tö åñswér·~·~·~]</translation>
        </message>
        <message>
            <source>No lead has this number: create one to log the call</source>
            <translation>[Ñö léåd hås thîs ñümbér: çréåté öñé tö lög thé çåll·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Log the returned call:</source>
            <translation>[Lög thé rétürñéd çåll:·~·~·~·]</translation>
        </message>
        <message>
            <source>Missed call: it rang {seconds} s</source>
            <translation>[Mîsséd çåll: ît råñg {seconds} s·~·~·~·~]</translation>
        </message>
        <message>
            <source>Call ended after {talk}: log it</source>
            <translation>[Çåll éñdéd åftér {talk}: lög ît·~·~·~·~]</translation>
        </message>
        <message>
            <source>No call is ringing.</source>
            <translation>[Ñö çåll îs rîñgîñg.·~·~·~]</translation>
        </message>
        <message>
            <source>Missed call</source>
            <translation>[Mîsséd çåll·~·]</translation>
        </message>
        <message>
            <source>{who} called</source>
            <translation>[{who} çålléd·]</translation>
        </message>
        <message>
            <source>New lead for {number}</source>
            <translation>[Ñéw léåd för {number}·~·~]</translation>
        </message>
        <message>
            <source>Log a returned call</source>
            <translation>[Lög å rétürñéd çåll·~·~·~]</translation>
        </message>
        <message>
            <source>The number that called (any format):</source>
            <translation>[Thé ñümbér thåt çålléd (åñý förmåt):·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Returned call from {who} logged</source>
            <translation>[Rétürñéd çåll fröm {who} löggéd·~·~·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>ScriptPanel</name>
        <message>
            <source>Voicemail script</source>
            <translation>[Vöîçémåîl sçrîpt·~·~·]</translation>
        </message>
        <message>
            <source>Script text</source>
            <translation>[Sçrîpt téxt·~·]</translation>
        </message>
        <message>
            <source>Script length</source>
            <translation>[Sçrîpt léñgth·~·~]</translation>
        </message>
        <message>
            <source>Script stage</source>
            <translation>[Sçrîpt stågé·~·]</translation>
        </message>
        <message>
            <source>Next variant  Ctrl+Shift+V</source>
            <translation>[Ñéxt vårîåñt  Çtrl+Shîft+V·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Next script variant</source>
            <translation>[Ñéxt sçrîpt vårîåñt·~·~·~]</translation>
        </message>
        <message>
            <source>Select a lead to see the voicemail to leave.</source>
            <translation>[Séléçt å léåd tö séé thé vöîçémåîl tö léåvé.·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>&lt;span style="color:{color}; font-weight:600"&gt;⚠ {seconds} s · {words} words: too long, keep it under {limit} s&lt;/span&gt;</source>
            <translation>[&lt;span style="color:{color}; font-weight:600"&gt;⚠ {seconds} s · {words} wörds: töö löñg, kéép ît üñdér {limit} s&lt;/span&gt;·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>{seconds} seconds, too long</source>
            <translation>[{seconds} séçöñds, töö löñg·~·~·~]</translation>
        </message>
        <message>
            <source>&lt;span style="color:{color}; font-weight:600"&gt;≈ {seconds} s&lt;/span&gt; · {words} words</source>
            <translation>[&lt;span style="color:{color}; font-weight:600"&gt;≈ {seconds} s&lt;/span&gt; · {words} wörds·~·~]</translation>
        </message>
        <message>
            <source>{seconds} seconds</source>
            <translation>[{seconds} séçöñds·~]</translation>
        </message>
        <message>
            <source>· {stage}, variant {variant} of {variants}</source>
            <translation>[· {stage}, vårîåñt {variant} öf {variants}·~·~·]</translation>
        </message>
        <message>
            <source>&lt;span style="color:{color}; font-weight:600"&gt;No voicemail today:&lt;/span&gt; {advice}</source>
            <translation>[&lt;span style="color:{color}; font-weight:600"&gt;Ñö vöîçémåîl tödåý:&lt;/span&gt; {advice}·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>Section</name>
        <message>
            <source>Callback</source>
            <translation>[Çållbåçk·~]</translation>
        </message>
        <message>
            <source>New</source>
            <translation>[Ñéw]</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>[Föllöw-üp·~]</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>[Låtér]</translation>
        </message>
        <message>
            <source>Blocked</source>
            <translation>[Blöçkéd·]</translation>
        </message>
    </context>
    <context>
        <name>SectionChip</name>
        <message>
            <source>{section} count</source>
            <translation>[{section} çöüñt·]</translation>
        </message>
        <message numerus="yes">
            <source>%n lead(s) in {section}</source>
            <translation>
                <numerusform>[%n léåd îñ {section}·~]</numerusform>
                <numerusform>[%n léåds îñ {section}·~]</numerusform>
            </translation>
        </message>
        <message>
            <source>click to show every section</source>
            <translation>[çlîçk tö shöw évérý séçtîöñ·~·~·~·~·]</translation>
        </message>
        <message>
            <source>click to show only these</source>
            <translation>[çlîçk tö shöw öñlý thésé·~·~·~·~]</translation>
        </message>
        <message>
            <source>shown alone</source>
            <translation>[shöwñ ålöñé·~·]</translation>
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>You</source>
            <translation>[Ýöü]</translation>
        </message>
        <message>
            <source>Calling rules</source>
            <translation>[Çållîñg rülés·~·~]</translation>
        </message>
        <message>
            <source>Softphone</source>
            <translation>[Söftphöñé·~]</translation>
        </message>
        <message>
            <source>Team and appearance</source>
            <translation>[Téåm åñd åppéåråñçé·~·~·~]</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>[Öthér]</translation>
        </message>
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
            <source>The number leads can call you back on, in international form (e.g. +1 415 555 0142); voicemail scripts read it out. Empty uses the agent's number.</source>
            <translation>[Thé ñümbér léåds çåñ çåll ýöü båçk öñ, îñ îñtérñåtîöñål förm (é.g. +1 415 555 0142); vöîçémåîl sçrîpts réåd ît öüt. Émptý üsés thé ågéñt's ñümbér.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Your company</source>
            <translation>[Ýöür çömpåñý·~·]</translation>
        </message>
        <message>
            <source>The company leads hear in voicemail scripts, emails and texts. Empty uses the company on your agent record; scripts never say a vague 'our team'.</source>
            <translation>[Thé çömpåñý léåds héår îñ vöîçémåîl sçrîpts, émåîls åñd téxts. Émptý üsés thé çömpåñý öñ ýöür ågéñt réçörd; sçrîpts ñévér såý å vågüé 'öür téåm'.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Product or topic</source>
            <translation>[Prödüçt ör töpîç·~·~·]</translation>
        </message>
        <message>
            <source>What leads asked about, as scripts say it ('rooftop solar', 'a demo of Acme CRM'). A lead's own topic (its Interest, Campaign or Topic column) wins over this.</source>
            <translation>[Whåt léåds åskéd åböüt, ås sçrîpts såý ît ('rööftöp sölår', 'å démö öf Åçmé ÇRM'). Å léåd's öwñ töpîç (îts Îñtérést, Çåmpåîgñ ör Töpîç çölümñ) wîñs övér thîs.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Calling hours from</source>
            <translation>[Çållîñg höürs fröm·~·~·~]</translation>
        </message>
        <message>
            <source>Your own earliest local time of the lead for a call (HH:MM). It narrows what the law where the lead lives and the team's rules allow (Florida 8:00-20:00, Canada weekdays 9:00-21:30, ...), never widens it; 00:00 leaves the start to them.</source>
            <translation>[Ýöür öwñ éårlîést löçål tîmé öf thé léåd för å çåll (HH:MM). Ît ñårröws whåt thé låw whéré thé léåd lîvés åñd thé téåm's rülés ållöw (Flörîdå 8:00-20:00, Çåñådå wéékdåýs 9:00-21:30, ...), ñévér wîdéñs ît; 00:00 léåvés thé stårt tö thém.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Calling hours until</source>
            <translation>[Çållîñg höürs üñtîl·~·~·~]</translation>
        </message>
        <message>
            <source>Your own latest local time of the lead for a call (HH:MM); the call list, dialing, callbacks and the planned next touch keep inside it and inside the law and the team's rules; 24:00 leaves the end to them.</source>
            <translation>[Ýöür öwñ låtést löçål tîmé öf thé léåd för å çåll (HH:MM); thé çåll lîst, dîålîñg, çållbåçks åñd thé plåññéd ñéxt töüçh kéép îñsîdé ît åñd îñsîdé thé låw åñd thé téåm's rülés; 24:00 léåvés thé éñd tö thém.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Cadence</source>
            <translation>[Çådéñçé·]</translation>
        </message>
        <message>
            <source>The cadence leads follow: the planned touches after each attempt. A change applies to leads already in a cadence from their next attempt on; a team cadence from the server comes first.</source>
            <translation>[Thé çådéñçé léåds föllöw: thé plåññéd töüçhés åftér éåçh åttémpt. Å çhåñgé åpplîés tö léåds ålréådý îñ å çådéñçé fröm théîr ñéxt åttémpt öñ; å téåm çådéñçé fröm thé sérvér çömés fîrst.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation>[Åttémpts pér léåd·~·~·]</translation>
        </message>
        <message>
            <source>Most attempts on one lead, every channel counted; the attempt that reaches it ends the lead's cadence (a callback the lead asked for is kept).</source>
            <translation>[Möst åttémpts öñ öñé léåd, évérý çhåññél çöüñtéd; thé åttémpt thåt réåçhés ît éñds thé léåd's çådéñçé (å çållbåçk thé léåd åskéd för îs képt).·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Attempts per 24 hours</source>
            <translation>[Åttémpts pér 24 höürs·~·~·~·]</translation>
        </message>
        <message>
            <source>Most attempts on one lead in any 24 hours; the next touch is planned after.</source>
            <translation>[Möst åttémpts öñ öñé léåd îñ åñý 24 höürs; thé ñéxt töüçh îs plåññéd åftér.·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Voicemails per day</source>
            <translation>[Vöîçémåîls pér dåý·~·~·~]</translation>
        </message>
        <message>
            <source>Most voicemail messages left for one lead per day (its local day). At least 1: a short voicemail on every call that reaches one is the practice LeadDesk keeps.</source>
            <translation>[Möst vöîçémåîl méssågés léft för öñé léåd pér dåý (îts löçål dåý). Åt léåst 1: å shört vöîçémåîl öñ évérý çåll thåt réåçhés öñé îs thé pråçtîçé LéådDésk kééps.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Dialer</source>
            <translation>[Dîålér·]</translation>
        </message>
        <message>
            <source>How a number is dialed: 'tel' hands it to the system's phone app, 'baresip' uses the built-in SIP softphone, 'manual' shows the number to dial by hand on a desk phone (Enter records the dial).</source>
            <translation>[Höw å ñümbér îs dîåléd: 'tél' håñds ît tö thé sýstém's phöñé åpp, 'bårésîp' üsés thé büîlt-îñ SÎP söftphöñé, 'måñüål' shöws thé ñümbér tö dîål bý håñd öñ å désk phöñé (Éñtér réçörds thé dîål).·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
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
            <source>Audio system</source>
            <translation>[Åüdîö sýstém·~·]</translation>
        </message>
        <message>
            <source>The sound system the softphone uses for your headset: 'alsa' (Linux, also reaches PipeWire and PulseAudio through their ALSA plugins), 'pulse', 'jack', 'portaudio', 'coreaudio' (macOS), 'winwave' (Windows).</source>
            <translation>[Thé söüñd sýstém thé söftphöñé üsés för ýöür héådsét: 'ålså' (Lîñüx, ålsö réåçhés PîpéWîré åñd PülséÅüdîö thröügh théîr ÅLSÅ plügîñs), 'pülsé', 'jåçk', 'pörtåüdîö', 'çöréåüdîö' (måçÖS), 'wîñwåvé' (Wîñdöws).·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Headset (speaker)</source>
            <translation>[Héådsét (spéåkér)·~·~·]</translation>
        </message>
        <message>
            <source>The device you hear the call on, as the audio system names it (e.g. 'default', 'plughw:1,0' for ALSA); 'default' is the system's choice.</source>
            <translation>[Thé dévîçé ýöü héår thé çåll öñ, ås thé åüdîö sýstém ñåmés ît (é.g. 'défåült', 'plüghw:1,0' för ÅLSÅ); 'défåült' îs thé sýstém's çhöîçé.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Headset (microphone)</source>
            <translation>[Héådsét (mîçröphöñé)·~·~·~]</translation>
        </message>
        <message>
            <source>The device the lead hears you through, as the audio system names it (e.g. 'default', 'plughw:1,0' for ALSA); 'default' is the system's choice.</source>
            <translation>[Thé dévîçé thé léåd héårs ýöü thröügh, ås thé åüdîö sýstém ñåmés ît (é.g. 'défåült', 'plüghw:1,0' för ÅLSÅ); 'défåült' îs thé sýstém's çhöîçé.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Pause reasons</source>
            <translation>[Påüsé réåsöñs·~·~]</translation>
        </message>
        <message>
            <source>The reasons an agent may pause for, separated by commas (the team's list; the report counts the time paused per reason).</source>
            <translation>[Thé réåsöñs åñ ågéñt måý påüsé för, sépåråtéd bý çömmås (thé téåm's lîst; thé répört çöüñts thé tîmé påüséd pér réåsöñ).·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
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
            <source>Test headset</source>
            <translation>[Tést héådsét·~·]</translation>
        </message>
        <message>
            <source>Hear your microphone in your speaker for a few seconds (saved devices)</source>
            <translation>[Héår ýöür mîçröphöñé îñ ýöür spéåkér för å féw séçöñds (såvéd dévîçés)·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Headset test</source>
            <translation>[Héådsét tést·~·]</translation>
        </message>
        <message>
            <source>Problem with {setting}</source>
            <translation>[Pröblém wîth {setting}·~·~]</translation>
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
        <name>ShiftBar</name>
        <message>
            <source>Dials</source>
            <translation>[Dîåls]</translation>
        </message>
        <message>
            <source>Connects</source>
            <translation>[Çöññéçts·~]</translation>
        </message>
        <message>
            <source>Voicemails left</source>
            <translation>[Vöîçémåîls léft·~·~]</translation>
        </message>
        <message>
            <source>Never contacted</source>
            <translation>[Ñévér çöñtåçtéd·~·~]</translation>
        </message>
        <message>
            <source>Speed to lead (median)</source>
            <translation>[Spééd tö léåd (médîåñ)·~·~·~·]</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>[Sýñç]</translation>
        </message>
        <message>
            <source>Shift figures</source>
            <translation>[Shîft fîgürés·~·~]</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>[Ågéñt]</translation>
        </message>
    </context>
    <context>
        <name>SoftphoneLink</name>
        <message>
            <source>Dialer</source>
            <translation>[Dîålér·]</translation>
        </message>
        <message>
            <source>Restart softphone</source>
            <translation>[Réstårt söftphöñé·~·~·]</translation>
        </message>
        <message>
            <source>Restart the softphone</source>
            <translation>[Réstårt thé söftphöñé·~·~·~·]</translation>
        </message>
        <message>
            <source>Start the softphone again (the call list is kept)</source>
            <translation>[Stårt thé söftphöñé ågåîñ (thé çåll lîst îs képt)·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Test call: {result}</source>
            <translation>[Tést çåll: {result}·~·]</translation>
        </message>
        <message>
            <source>The headset could not be opened: {error}.</source>
            <translation>[Thé héådsét çöüld ñöt bé öpéñéd: {error}.·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Softphone · {account}</source>
            <translation>[Söftphöñé · {account}·~·]</translation>
        </message>
        <message>
            <source>Calls go through the built-in softphone (baresip)</source>
            <translation>[Çålls gö thröügh thé büîlt-îñ söftphöñé (bårésîp)·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Desk phone (dial by hand)</source>
            <translation>[Désk phöñé (dîål bý håñd)·~·~·~·~]</translation>
        </message>
        <message>
            <source>Enter records the dial and shows the number to dial by hand</source>
            <translation>[Éñtér réçörds thé dîål åñd shöws thé ñümbér tö dîål bý håñd·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Phone app (tel:)</source>
            <translation>[Phöñé åpp (tél:)·~·~·]</translation>
        </message>
        <message>
            <source>Numbers are handed to the system's phone application</source>
            <translation>[Ñümbérs åré håñdéd tö thé sýstém's phöñé åpplîçåtîöñ·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Softphone stopped</source>
            <translation>[Söftphöñé stöppéd·~·~·]</translation>
        </message>
        <message>
            <source>The softphone stopped: {reason}.</source>
            <translation>[Thé söftphöñé stöppéd: {reason}.·~·~·~·~]</translation>
        </message>
        <message>
            <source>Restart it with the button in the status bar.</source>
            <translation>[Réstårt ît wîth thé büttöñ îñ thé ståtüs bår.·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Phone app (tel:) · softphone off</source>
            <translation>[Phöñé åpp (tél:) · söftphöñé öff·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>The system's phone application has the call: hang up there.</source>
            <translation>[Thé sýstém's phöñé åpplîçåtîöñ hås thé çåll: håñg üp théré.·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Log the current call first, then try the test number.</source>
            <translation>[Lög thé çürréñt çåll fîrst, théñ trý thé tést ñümbér.·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>The test call failed: {error}</source>
            <translation>[Thé tést çåll fåîléd: {error}·~·~·~·]</translation>
        </message>
        <message>
            <source>Calling {number} through the softphone ({name})…</source>
            <translation>[Çållîñg {number} thröügh thé söftphöñé ({name})…·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>{number} was handed to the system's phone application (tel:).</source>
            <translation>[{number} wås håñdéd tö thé sýstém's phöñé åpplîçåtîöñ (tél:).·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Restarting the softphone…</source>
            <translation>[Réstårtîñg thé söftphöñé…·~·~·~·~]</translation>
        </message>
        <message>
            <source>The softphone is ready.</source>
            <translation>[Thé söftphöñé îs réådý.·~·~·~·~]</translation>
        </message>
        <message>
            <source>The softphone did not restart: {error}</source>
            <translation>[Thé söftphöñé dîd ñöt réstårt: {error}·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>The dialer did not start: {error}</source>
            <translation>[Thé dîålér dîd ñöt stårt: {error}·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Speak now: you should hear yourself in the headset for {seconds} seconds.</source>
            <translation>[Spéåk ñöw: ýöü shöüld héår ýöürsélf îñ thé héådsét för {seconds} séçöñds.·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>The new dialer settings apply once this call is logged.</source>
            <translation>[Thé ñéw dîålér séttîñgs åpplý öñçé thîs çåll îs löggéd.·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Starting the dialer…</source>
            <translation>[Stårtîñg thé dîålér…·~·~·~]</translation>
        </message>
        <message>
            <source>Calls go to the system's phone application (tel:).</source>
            <translation>[Çålls gö tö thé sýstém's phöñé åpplîçåtîöñ (tél:).·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>The headset test needs the softphone (Dialer: baresip) running.</source>
            <translation>[Thé héådsét tést ñééds thé söftphöñé (Dîålér: bårésîp) rüññîñg.·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Log the current call first, then test the headset.</source>
            <translation>[Lög thé çürréñt çåll fîrst, théñ tést thé héådsét.·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Headset test done. Heard nothing? Check the devices above.</source>
            <translation>[Héådsét tést döñé. Héård ñöthîñg? Çhéçk thé dévîçés åbövé.·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Opening the headset…</source>
            <translation>[Öpéñîñg thé héådsét…·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>StateBar</name>
        <message>
            <source>Ready</source>
            <translation>[Réådý]</translation>
        </message>
        <message>
            <source>On a call</source>
            <translation>[Öñ å çåll·~]</translation>
        </message>
        <message>
            <source>Wrap-up</source>
            <translation>[Wråp-üp·]</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>[Påüséd·]</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>[Öfflîñé·]</translation>
        </message>
        <message>
            <source>Agent state</source>
            <translation>[Ågéñt ståté·~·]</translation>
        </message>
        <message>
            <source>Ready for calls</source>
            <translation>[Réådý för çålls·~·~]</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>[Påüsé]</translation>
        </message>
        <message>
            <source>Pause, with a reason</source>
            <translation>[Påüsé, wîth å réåsöñ·~·~·~]</translation>
        </message>
        <message>
            <source>{state}: {reason}</source>
            <translation>[{state}: {reason}]</translation>
        </message>
    </context>
    <context>
        <name>SupervisorHistory</name>
        <message>
            <source>When</source>
            <translation>[Whéñ]</translation>
        </message>
        <message>
            <source>Lead</source>
            <translation>[Léåd]</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>[Ågéñt]</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>[Çhåññél·]</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>[Öütçömé·]</translation>
        </message>
        <message>
            <source>Duration</source>
            <translation>[Düråtîöñ·~]</translation>
        </message>
        <message>
            <source>Script</source>
            <translation>[Sçrîpt·]</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>[Ñöté]</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>[Çåll]</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>[Émåîl]</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>[Téxt]</translation>
        </message>
        <message>
            <source>Social</source>
            <translation>[Söçîål·]</translation>
        </message>
        <message>
            <source>Dialing…</source>
            <translation>[Dîålîñg…·~]</translation>
        </message>
        <message>
            <source> · {time} lead time</source>
            <translation>[ · {time} léåd tîmé·~·~]</translation>
        </message>
        <message>
            <source>Taken back (undo)</source>
            <translation>[Tåkéñ båçk (üñdö)·~·~·]</translation>
        </message>
        <message>
            <source> (corrected)</source>
            <translation>[ (çörréçtéd)·~·]</translation>
        </message>
        <message>
            <source> (manual)</source>
            <translation>[ (måñüål)·~]</translation>
        </message>
        <message>
            <source>{script} ({words} words)</source>
            <translation>[{script} ({words} wörds)·~]</translation>
        </message>
    </context>
    <context>
        <name>SupervisorWindow</name>
        <message>
            <source>Today</source>
            <translation>[Tödåý]</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>[Låst 7 dåýs·~·]</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>[Låst 30 dåýs·~·]</translation>
        </message>
        <message>
            <source>Last 90 days</source>
            <translation>[Låst 90 dåýs·~·]</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>[Åll tîmé·~]</translation>
        </message>
        <message>
            <source>Supervisor review · LeadDesk</source>
            <translation>[Süpérvîsör révîéw · LéådDésk·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Supervisor review</source>
            <translation>[Süpérvîsör révîéw·~·~·]</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>[Çhårts·]</translation>
        </message>
        <message>
            <source>Agents</source>
            <translation>[Ågéñts·]</translation>
        </message>
        <message>
            <source>History</source>
            <translation>[Hîstörý·]</translation>
        </message>
        <message>
            <source>Coaching</source>
            <translation>[Çöåçhîñg·~]</translation>
        </message>
        <message>
            <source>Phone time</source>
            <translation>[Phöñé tîmé·~]</translation>
        </message>
        <message>
            <source>Could not read more of the history (scroll down to try again): {error}</source>
            <translation>[Çöüld ñöt réåd möré öf thé hîstörý (sçröll döwñ tö trý ågåîñ): {error}·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Agent</source>
            <translation>[Ågéñt]</translation>
        </message>
        <message>
            <source>All agents</source>
            <translation>[Åll ågéñts·~]</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>[Pérîöd·]</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>[Réfrésh·]</translation>
        </message>
        <message>
            <source>Export PDF…</source>
            <translation>[Éxpört PDF…·~·]</translation>
        </message>
        <message>
            <source>Export PDF</source>
            <translation>[Éxpört PDF·~]</translation>
        </message>
        <message>
            <source>No attempts and no leads in this period.
Pick a longer period or another agent.</source>
            <translation>[Ñö åttémpts åñd ñö léåds îñ thîs pérîöd.
Pîçk å löñgér pérîöd ör åñöthér ågéñt.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Measures per agent</source>
            <translation>[Méåsürés pér ågéñt·~·~·~]</translation>
        </message>
        <message>
            <source>Double-click an agent to review their history and coaching lists.</source>
            <translation>[Döüblé-çlîçk åñ ågéñt tö révîéw théîr hîstörý åñd çöåçhîñg lîsts.·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Search the history</source>
            <translation>[Séårçh thé hîstörý·~·~·~]</translation>
        </message>
        <message>
            <source>Search lead, company, phone or note…</source>
            <translation>[Séårçh léåd, çömpåñý, phöñé ör ñöté…·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>[Çhåññél·]</translation>
        </message>
        <message>
            <source>Every channel</source>
            <translation>[Évérý çhåññél·~·~]</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>[Öütçömé·]</translation>
        </message>
        <message>
            <source>Every outcome</source>
            <translation>[Évérý öütçömé·~·~]</translation>
        </message>
        <message>
            <source>History of attempts</source>
            <translation>[Hîstörý öf åttémpts·~·~·~]</translation>
        </message>
        <message>
            <source>No attempts match.</source>
            <translation>[Ñö åttémpts måtçh.·~·~·~]</translation>
        </message>
        <message>
            <source>Coaching lists</source>
            <translation>[Çöåçhîñg lîsts·~·~]</translation>
        </message>
        <message>
            <source>Leads to coach on</source>
            <translation>[Léåds tö çöåçh öñ·~·~·]</translation>
        </message>
        <message>
            <source>Nothing to coach on here.</source>
            <translation>[Ñöthîñg tö çöåçh öñ héré.·~·~·~·~]</translation>
        </message>
        <message>
            <source>Computing the measures…</source>
            <translation>[Çömpütîñg thé méåsürés…·~·~·~·~]</translation>
        </message>
        <message>
            <source>Could not compute the report: {error}</source>
            <translation>[Çöüld ñöt çömpüté thé répört: {error}·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Could not read the list of agents: {error}</source>
            <translation>[Çöüld ñöt réåd thé lîst öf ågéñts: {error}·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>the start</source>
            <translation>[thé stårt·~]</translation>
        </message>
        <message>
            <source>{agent} · {period} (from {since}) · {leads:,} leads, {attempts:,} attempts</source>
            <translation>[{agent} · {period} (fröm {since}) · {leads:,} léåds, {attempts:,} åttémpts·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>No attempts match the search and filters.</source>
            <translation>[Ñö åttémpts måtçh thé séårçh åñd fîltérs.·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>No attempts in this period.</source>
            <translation>[Ñö åttémpts îñ thîs pérîöd.·~·~·~·~·]</translation>
        </message>
        <message>
            <source>{count:,} attempts</source>
            <translation>[{count:,} åttémpts·~]</translation>
        </message>
        <message>
            <source>could not load the history</source>
            <translation>[çöüld ñöt löåd thé hîstörý·~·~·~·~·]</translation>
        </message>
        <message>
            <source>The {count} most relevant are listed.</source>
            <translation>[Thé {count} möst rélévåñt åré lîstéd.·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Export the report as PDF</source>
            <translation>[Éxpört thé répört ås PDF·~·~·~·~]</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>[PDF (*.pdf)·~·]</translation>
        </message>
        <message numerus="yes">
            <source>Saved {path} (%n page(s))</source>
            <translation>
                <numerusform>[Såvéd {path} (%n pågé)·~·~]</numerusform>
                <numerusform>[Såvéd {path} (%n pågés)·~·~]</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Sync</name>
        <message>
            <source>Local only</source>
            <translation>[Löçål öñlý·~]</translation>
        </message>
        <message>
            <source>sign in with leaddesk login</source>
            <translation>[sîgñ îñ wîth léåddésk lögîñ·~·~·~·~·]</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>[üñkñöwñ·]</translation>
        </message>
        <message>
            <source>Offline, retrying ({pending} pending)</source>
            <translation>[Öfflîñé, rétrýîñg ({pending} péñdîñg)·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Offline, retrying</source>
            <translation>[Öfflîñé, rétrýîñg·~·~·]</translation>
        </message>
        <message>
            <source>Error: no keychain, set LEADDESK_TOKEN</source>
            <translation>[Érrör: ñö kéýçhåîñ, sét LÉÅDDÉSK_TÖKÉÑ·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Synced {time}</source>
            <translation>[Sýñçéd {time}·]</translation>
        </message>
        <message>
            <source>{pending} pending</source>
            <translation>[{pending} péñdîñg·~]</translation>
        </message>
        <message>
            <source>Not synced yet</source>
            <translation>[Ñöt sýñçéd ýét·~·~]</translation>
        </message>
        <message>
            <source>Synced</source>
            <translation>[Sýñçéd·]</translation>
        </message>
        <message>
            <source>Token for this session only</source>
            <translation>[Tökéñ för thîs séssîöñ öñlý·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Error: {reason}</source>
            <translation>[Érrör: {reason}·]</translation>
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <source>Sync {status}: {reason}</source>
            <translation>[Sýñç {status}: {reason}·]</translation>
        </message>
        <message>
            <source>offline</source>
            <translation>[öfflîñé·]</translation>
        </message>
        <message>
            <source>error</source>
            <translation>[érrör]</translation>
        </message>
        <message>
            <source>Sync is back: {state}</source>
            <translation>[Sýñç îs båçk: {state}·~·~]</translation>
        </message>
    </context>
    <context>
        <name>TelHandoff</name>
        <message>
            <source>No lead with this number</source>
            <translation>[Ñö léåd wîth thîs ñümbér·~·~·~·~]</translation>
        </message>
        <message>
            <source>No lead has the number {number}. Create a lead with it?</source>
            <translation>[Ñö léåd hås thé ñümbér {number}. Çréåté å léåd wîth ît?·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Create a lead for this number</source>
            <translation>[Çréåté å léåd för thîs ñümbér·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>New lead for {number}</source>
            <translation>[Ñéw léåd för {number}·~·~]</translation>
        </message>
        <message>
            <source>Opened {number}</source>
            <translation>[Öpéñéd {number}·]</translation>
        </message>
    </context>
    <context>
        <name>Time</name>
        <message>
            <source>{n} s</source>
            <translation>[{n} s]</translation>
        </message>
        <message>
            <source>{n} min</source>
            <translation>[{n} mîñ]</translation>
        </message>
        <message>
            <source>{h} h {m:02d}</source>
            <translation>[{h} h {m:02d}]</translation>
        </message>
        <message>
            <source>{d} d {h} h</source>
            <translation>[{d} d {h} h]</translation>
        </message>
        <message>
            <source>{d} d</source>
            <translation>[{d} d]</translation>
        </message>
        <message>
            <source>now</source>
            <translation>[ñöw]</translation>
        </message>
        <message>
            <source>{span} ago</source>
            <translation>[{span} ågö]</translation>
        </message>
        <message>
            <source>in {span}</source>
            <translation>[îñ {span}]</translation>
        </message>
        <message>
            <source>tomorrow {time}</source>
            <translation>[tömörröw {time}·~]</translation>
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>Show LeadDesk</source>
            <translation>[Shöw LéådDésk·~·~]</translation>
        </message>
        <message numerus="yes">
            <source>%n new lead(s)</source>
            <translation>
                <numerusform>[%n ñéw léåd·~]</numerusform>
                <numerusform>[%n ñéw léåds·~]</numerusform>
            </translation>
        </message>
        <message>
            <source>Call now: speed to lead counts.</source>
            <translation>[Çåll ñöw: spééd tö léåd çöüñts.·~·~·~·~·~·]</translation>
        </message>
        <message numerus="yes">
            <source>%n callback(s) due</source>
            <translation>
                <numerusform>[%n çållbåçk düé·~·~]</numerusform>
                <numerusform>[%n çållbåçks düé·~·~]</numerusform>
            </translation>
        </message>
        <message>
            <source>A lead asked to be called now.</source>
            <translation>[Å léåd åskéd tö bé çålléd ñöw.·~·~·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>VoicemailDrop</name>
        <message>
            <source>Voicemail drop plays into a softphone call: dial the lead first.</source>
            <translation>[Vöîçémåîl dröp plåýs îñtö å söftphöñé çåll: dîål thé léåd fîrst.·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>No recording for the {stage} voicemail: record it with Voicemail drops… (Ctrl+Alt+V).</source>
            <translation>[Ñö réçördîñg för thé {stage} vöîçémåîl: réçörd ît wîth Vöîçémåîl dröps… (Çtrl+Ålt+V).·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>lead's</source>
            <translation>[léåd's·]</translation>
        </message>
        <message>
            <source>Voicemail drop: {stage} recording ({seconds:.0f} s)</source>
            <translation>[Vöîçémåîl dröp: {stage} réçördîñg ({seconds:.0f} s)·~·~·~·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>VoicemailDropDialog</name>
        <message>
            <source>Voicemail drops</source>
            <translation>[Vöîçémåîl dröps·~·~]</translation>
        </message>
        <message>
            <source>Record the voicemail for each stage of the cadence, or choose a WAV file. During a call, F4 plays it into the voicemail box and hangs up when it ends. Keep each under {seconds:.0f} seconds.</source>
            <translation>[Réçörd thé vöîçémåîl för éåçh stågé öf thé çådéñçé, ör çhöösé å WÅV fîlé. Dürîñg å çåll, F4 plåýs ît îñtö thé vöîçémåîl böx åñd håñgs üp whéñ ît éñds. Kéép éåçh üñdér {seconds:.0f} séçöñds.·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Recording length</source>
            <translation>[Réçördîñg léñgth·~·~·]</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>[Réçörd·]</translation>
        </message>
        <message>
            <source>Choose WAV…</source>
            <translation>[Çhöösé WÅV…·~·]</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>[Rémövé·]</translation>
        </message>
        <message>
            <source>no recording</source>
            <translation>[ñö réçördîñg·~·]</translation>
        </message>
        <message>
            <source>&lt;span style="color:{color}"&gt;{seconds:.1f} s: over 30 s&lt;/span&gt;</source>
            <translation>[&lt;span style="color:{color}"&gt;{seconds:.1f} s: övér 30 s&lt;/span&gt;·~·~]</translation>
        </message>
        <message>
            <source>&lt;span style="color:{color}"&gt;{seconds:.1f} s&lt;/span&gt;</source>
            <translation>[&lt;span style="color:{color}"&gt;{seconds:.1f} s&lt;/span&gt;]</translation>
        </message>
        <message>
            <source>Choose the recording</source>
            <translation>[Çhöösé thé réçördîñg·~·~·~]</translation>
        </message>
        <message>
            <source>WAV sound (*.wav)</source>
            <translation>[WÅV söüñd (*.wåv)·~·~·]</translation>
        </message>
        <message>
            <source>Saved the {stage} voicemail ({seconds:.1f} s).</source>
            <translation>[Såvéd thé {stage} vöîçémåîl ({seconds:.1f} s).·~·~·~·~·]</translation>
        </message>
        <message>
            <source> It is over 30 s: shorten it.</source>
            <translation>[ Ît îs övér 30 s: shörtéñ ît.·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Recording needs Qt Multimedia: choose a WAV file.</source>
            <translation>[Réçördîñg ñééds Qt Mültîmédîå: çhöösé å WÅV fîlé.·~·~·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>No microphone found: plug in the headset.</source>
            <translation>[Ñö mîçröphöñé föüñd: plüg îñ thé héådsét.·~·~·~·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>[Stöp]</translation>
        </message>
        <message>
            <source>Recording… speak now, then press Stop.</source>
            <translation>[Réçördîñg… spéåk ñöw, théñ préss Stöp.·~·~·~·~·~·~·~]</translation>
        </message>
        <message>
            <source>Recorded the {stage} voicemail ({seconds:.1f} s).</source>
            <translation>[Réçördéd thé {stage} vöîçémåîl ({seconds:.1f} s).·~·~·~·~·~]</translation>
        </message>
    </context>
    <context>
        <name>Outcome</name>
        <message>
            <source>Qualified</source>
            <translation>[Qüålîfîéd·~]</translation>
        </message>
        <message>
            <source>Connected</source>
            <translation>[Çöññéçtéd·~]</translation>
        </message>
        <message>
            <source>Callback</source>
            <translation>[Çållbåçk·~]</translation>
        </message>
        <message>
            <source>Not interested</source>
            <translation>[Ñöt îñtéréstéd·~·~]</translation>
        </message>
        <message>
            <source>Voicemail left</source>
            <translation>[Vöîçémåîl léft·~·~]</translation>
        </message>
        <message>
            <source>Voicemail, no message</source>
            <translation>[Vöîçémåîl, ñö méssågé·~·~·~·]</translation>
        </message>
        <message>
            <source>No answer</source>
            <translation>[Ñö åñswér·~]</translation>
        </message>
        <message>
            <source>Busy</source>
            <translation>[Büsý]</translation>
        </message>
        <message>
            <source>Wrong number</source>
            <translation>[Wröñg ñümbér·~·]</translation>
        </message>
        <message>
            <source>Bad number</source>
            <translation>[Båd ñümbér·~]</translation>
        </message>
        <message>
            <source>Do not call</source>
            <translation>[Dö ñöt çåll·~·]</translation>
        </message>
        <message>
            <source>Email sent</source>
            <translation>[Émåîl séñt·~]</translation>
        </message>
        <message>
            <source>Text sent</source>
            <translation>[Téxt séñt·~]</translation>
        </message>
        <message>
            <source>Social touch</source>
            <translation>[Söçîål töüçh·~·]</translation>
        </message>
        <message>
            <source>Replied</source>
            <translation>[Réplîéd·]</translation>
        </message>
    </context>
    <context>
        <name>Channel</name>
        <message>
            <source>phone</source>
            <translation>[phöñé]</translation>
        </message>
        <message>
            <source>email</source>
            <translation>[émåîl]</translation>
        </message>
        <message>
            <source>sms</source>
            <translation>[sms]</translation>
        </message>
        <message>
            <source>social</source>
            <translation>[söçîål·]</translation>
        </message>
    </context>
    <context>
        <name>LeadStatus</name>
        <message>
            <source>new</source>
            <translation>[ñéw]</translation>
        </message>
        <message>
            <source>working</source>
            <translation>[wörkîñg·]</translation>
        </message>
        <message>
            <source>callback</source>
            <translation>[çållbåçk·~]</translation>
        </message>
        <message>
            <source>reached</source>
            <translation>[réåçhéd·]</translation>
        </message>
        <message>
            <source>qualified</source>
            <translation>[qüålîfîéd·~]</translation>
        </message>
        <message>
            <source>not interested</source>
            <translation>[ñöt îñtéréstéd·~·~]</translation>
        </message>
        <message>
            <source>do not call</source>
            <translation>[dö ñöt çåll·~·]</translation>
        </message>
        <message>
            <source>bad number</source>
            <translation>[båd ñümbér·~]</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>[fîñîshéd·~]</translation>
        </message>
    </context>
    <context>
        <name>ScriptStage</name>
        <message>
            <source>introduce</source>
            <translation>[îñtrödüçé·~]</translation>
        </message>
        <message>
            <source>add value</source>
            <translation>[ådd vålüé·~]</translation>
        </message>
        <message>
            <source>offer time</source>
            <translation>[öffér tîmé·~]</translation>
        </message>
        <message>
            <source>close file</source>
            <translation>[çlösé fîlé·~]</translation>
        </message>
        <message>
            <source>generic</source>
            <translation>[géñérîç·]</translation>
        </message>
    </context>
    <context>
        <name>RapportKind</name>
        <message>
            <source>family</source>
            <translation>[fåmîlý·]</translation>
        </message>
        <message>
            <source>interests</source>
            <translation>[îñtérésts·~]</translation>
        </message>
        <message>
            <source>work</source>
            <translation>[wörk]</translation>
        </message>
        <message>
            <source>timing</source>
            <translation>[tîmîñg·]</translation>
        </message>
        <message>
            <source>pain</source>
            <translation>[påîñ]</translation>
        </message>
        <message>
            <source>other</source>
            <translation>[öthér]</translation>
        </message>
    </context>
    <context>
        <name>ImportField</name>
        <message>
            <source>(keep as From the file)</source>
            <translation>[(kéép ås Fröm thé fîlé)·~·~·~·~]</translation>
        </message>
        <message>
            <source>(leave out)</source>
            <translation>[(léåvé öüt)·~·]</translation>
        </message>
        <message>
            <source>Id in the source system</source>
            <translation>[Îd îñ thé söürçé sýstém·~·~·~·~]</translation>
        </message>
        <message>
            <source>Salutation</source>
            <translation>[Sålütåtîöñ·~]</translation>
        </message>
        <message>
            <source>First name</source>
            <translation>[Fîrst ñåmé·~]</translation>
        </message>
        <message>
            <source>Middle name</source>
            <translation>[Mîddlé ñåmé·~·]</translation>
        </message>
        <message>
            <source>Last name</source>
            <translation>[Låst ñåmé·~]</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>[Füll ñåmé·~]</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>[Çömpåñý·]</translation>
        </message>
        <message>
            <source>Job title</source>
            <translation>[Jöb tîtlé·~]</translation>
        </message>
        <message>
            <source>Topic or interest</source>
            <translation>[Töpîç ör îñtérést·~·~·]</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>[Phöñé]</translation>
        </message>
        <message>
            <source>Mobile phone</source>
            <translation>[Möbîlé phöñé·~·]</translation>
        </message>
        <message>
            <source>Other phone</source>
            <translation>[Öthér phöñé·~·]</translation>
        </message>
        <message>
            <source>Country calling code</source>
            <translation>[Çöüñtrý çållîñg çödé·~·~·~]</translation>
        </message>
        <message>
            <source>Phone extension</source>
            <translation>[Phöñé éxtéñsîöñ·~·~]</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>[Émåîl]</translation>
        </message>
        <message>
            <source>Street address</source>
            <translation>[Stréét åddréss·~·~]</translation>
        </message>
        <message>
            <source>Address line 2</source>
            <translation>[Åddréss lîñé 2·~·~]</translation>
        </message>
        <message>
            <source>Address line 3</source>
            <translation>[Åddréss lîñé 3·~·~]</translation>
        </message>
        <message>
            <source>City</source>
            <translation>[Çîtý]</translation>
        </message>
        <message>
            <source>State or province</source>
            <translation>[Ståté ör prövîñçé·~·~·]</translation>
        </message>
        <message>
            <source>Postal code</source>
            <translation>[Pöstål çödé·~·]</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>[Çöüñtrý·]</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>[Tîmé zöñé·~]</translation>
        </message>
        <message>
            <source>Created date</source>
            <translation>[Çréåtéd dåté·~·]</translation>
        </message>
        <message>
            <source>Owner in the source system</source>
            <translation>[Öwñér îñ thé söürçé sýstém·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>[Ñötés]</translation>
        </message>
        <message>
            <source>Do not call</source>
            <translation>[Dö ñöt çåll·~·]</translation>
        </message>
        <message>
            <source>Status in the source system</source>
            <translation>[Ståtüs îñ thé söürçé sýstém·~·~·~·~·]</translation>
        </message>
        <message>
            <source>Times called before</source>
            <translation>[Tîmés çålléd béföré·~·~·~]</translation>
        </message>
        <message>
            <source>Consent to be called</source>
            <translation>[Çöñséñt tö bé çålléd·~·~·~]</translation>
        </message>
        <message>
            <source>Where consent was given</source>
            <translation>[Whéré çöñséñt wås gîvéñ·~·~·~·~]</translation>
        </message>
        <message>
            <source>When consent was given</source>
            <translation>[Whéñ çöñséñt wås gîvéñ·~·~·~·]</translation>
        </message>
    </context>
    <context>
        <name>SpeedBucket</name>
        <message>
            <source>≤5 min</source>
            <translation>[≤5 mîñ·]</translation>
        </message>
        <message>
            <source>5–30 min</source>
            <translation>[5–30 mîñ·~]</translation>
        </message>
        <message>
            <source>0.5–2 h</source>
            <translation>[0.5–2 h·]</translation>
        </message>
        <message>
            <source>2–24 h</source>
            <translation>[2–24 h·]</translation>
        </message>
        <message>
            <source>1–3 d</source>
            <translation>[1–3 d]</translation>
        </message>
        <message>
            <source>&gt;3 d</source>
            <translation>[&gt;3 d]</translation>
        </message>
    </context>
</TS>
