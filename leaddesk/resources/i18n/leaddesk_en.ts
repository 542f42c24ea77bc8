<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>AgentSession</name>
        <message>
            <source>Select a lead to call.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Later: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blocked: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ready to call {name} at {number}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consent recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{number} is off the do-not-call list ({reason}).</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Wrap up the call to {name} that was not logged (%n calls were not logged).</source>
            <translation>
                <numerusform>Wrap up the call to {name} that was not logged (%n calls were not logged).</numerusform>
                <numerusform>Wrap up the call to {name} that was not logged (%n calls were not logged).</numerusform>
            </translation>
        </message>
        <message>
            <source>Wrap up the call to {name} that was not logged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log the outcome of the call to {name} first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} cannot be called now: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The call to {name} did not start: {error}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no further touch (cadence ended)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>next: {channel} {when}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved “{outcome}” · {next} · Ctrl+Z undoes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to undo: no outcome logged since the last dial.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log the call in progress first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Took back “{outcome}”: the call is open again, log its outcome.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Took back “{outcome}”.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{number} is off the do-not-call list again.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AgentsModel</name>
        <message>
            <source>Agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never contacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speed to lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speed p90</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>2nd attempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemails left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallAnywayDialog</name>
        <message>
            <source>Call now anyway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} is planned for later. Why call now?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>lead asked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why call now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallFlow</name>
        <message>
            <source>Called before the planned time: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The lead on the card is not on the do-not-call list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a lead first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No call in progress: dial first (Enter), or record a call made elsewhere (Lead &gt; Log a call made elsewhere…, Ctrl+Shift+L).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log the call to {name} first (“{outcome}” is not a call outcome).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pick the callback time first (Enter: tomorrow at this time, Alt+2: in 2 hours, or a date), then press {key} again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The callback time is outside the lead's calling hours (or still being checked): pick another.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallList</name>
        <message>
            <source>Lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Local</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next touch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>due now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>due, waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{channel} {when}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallListView</name>
        <message>
            <source>Search leads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search name, company, email or number   (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls first, written tasks grouped after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls due first; email, text and social tasks grouped after (Ctrl+Alt+P)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leads in the call list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call list status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import a lead file…  Ctrl+I</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import a lead file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the demo (its own database)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the demo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opens a second window on demo leads; your own database is not touched</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect to a team server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect to a team server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Selected lead preview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading the call list…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;{to_call}&lt;/b&gt; to call · {listed} listed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The call list could not be read:
{error}

Press F5 to try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No lead matches “{search}”.
Press Esc to clear.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No leads to work yet.
Import a lead file, or wait for new leads to arrive from your team server.
To look around first, open the demo.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CallbackPicker</name>
        <message>
            <source>Callback time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tomorrow, same time  Alt+T</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callback tomorrow at this local time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tomorrow at the lead's current local time (Alt+T)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>In 2 hours  Alt+2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callback in 2 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callback date and time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callback calling hours check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callback:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>checking calling hours…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{time} their time · </source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{mark} callback {there}{reason}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Charts</name>
        <message>
            <source>Calls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Emails</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Texts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Social</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speed to lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcomes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Activity per day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact rate by the lead's local hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dials and contacts by hour of day (UTC)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>n/a</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>median {median} · target {low} to {high}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no leads in the period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never contacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outside target</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{low} to {high} attempts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>target {low}–{high}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>median {median} · 90th percentile {p90}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Within 5 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Later</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{attempts} attempts · green: reached a person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no attempts in the period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not reached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{attempts} attempts over {days} days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{calls} calls, {percent:.0f} % overall</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no calls in the period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{hour:02d}h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{hours:.1f} h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{days:.1f} days</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Coaching</name>
        <message>
            <source>Calls outside the rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never contacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stuck at one attempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemail, no message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callbacks missed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New leads past {minutes} min</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CoachingModel</name>
        <message>
            <source>Lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What happened</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CompactWindow</name>
        <message>
            <source>LeadDesk compact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lead name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lead number and reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dial state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dial  Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dial</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to the full window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to the full window (Ctrl+Shift+M)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No lead selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not callable now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calling {name}: log the outcome</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ConsentEditor</name>
        <message>
            <source>None recorded (strictest rules)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Asked to be contacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Express written consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Existing business relationship</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calling rules of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consent basis</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where the consent was given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>where and when (web form, 1 Dec)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules: {codes}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rules: unknown (the strictest)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The calling rules of {places} apply to this lead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No jurisdiction is known: the strictest rules apply.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>LeadDesk hit a bug</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something unexpected happened: %1

Every outcome you logged is saved on disk and LeadDesk keeps running; a call you had not logged yet is offered for wrap-up at the next start. If it happens again, send the log to your administrator:
%2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DncConfirm</name>
        <message>
            <source>Do not call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Put {name} ({number}) on the do-not-call list? No one will call this number again. Enter confirms, Esc cancels.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. asked not to be called again</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DncRemoveDialog</name>
        <message>
            <source>Take off the do-not-call list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take {number} ({name}) off the do-not-call list? Say why: the change is kept with your name and the time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take off the list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. listed by mistake, wrong number</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FromFileBlock</name>
        <message>
            <source>From the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shared number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Columns from the import file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shared number: another lead (another person) has this number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Salutation</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>… and %n more</source>
            <translation>
                <numerusform>… and %n more</numerusform>
                <numerusform>… and %n more</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <source>A call made outside LeadDesk, recorded after the fact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The agent took the earlier attempt back (undo)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This attempt corrects an earlier one</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>HistoryView</name>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No attempts yet: the first touch is a call.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempt history</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>IdentityDialog</name>
        <message>
            <source>What your scripts say</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemails, emails and texts say who you are and what the lead asked about. Fill these in once; File &gt; Settings changes them later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your company</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Product or topic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callback number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>rooftop solar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Later</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Lead files (*.csv *.txt *.tsv *.xlsx);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detect automatically</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV with a header row</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>VICIdial lead file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HubSpot contact export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Salesforce export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Excel workbook</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import leads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lead file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose a CSV, tab-separated or Excel file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browse…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the lead file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No file chosen</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detected format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default region for national numbers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(none: numbers need a country)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The country of numbers written without a country code, for rows without a country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time zone of the file's times</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This computer's ({zone})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where the system that wrote the file keeps its clock: times without an offset are read in this zone (remembered for each source)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Order of day and month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>From the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Month first (3/4 is March 4)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Day first (3/4 is 3 April)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>File:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Format:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Detected:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Default region:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Times in the file:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dates:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Column mapping</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Column in the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LeadDesk field</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sample</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Owners in the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Owner in the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Owners the first rows name (a supervisor maps them to agents):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First rows of the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import progress</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start the import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel the import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close the dialog</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Columns (change a field where the guess is wrong):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First rows:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not a lead file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agent for owner {owner}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(unknown: the importing agent)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Column {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LeadDesk field for column {column}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No column is mapped to a phone number: pick the phone column above.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancel import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing… {rows:,} rows read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelling… nothing will be kept</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;{rows:,} rows&lt;/b&gt;: {imported:,} imported, {updated:,} updated, {duplicates:,} duplicates, {rejected:,} rejected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n:,} report title or footer lines skipped.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n:,} created dates could not be read: those leads arrived now.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n:,} new leads share a number with another person (flagged).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept on the card as From the file: {columns}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Owners not matched to an agent (their leads are yours): {owners}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;a href="{url}"&gt;Open the rejected rows&lt;/a&gt; ({file}: each with the reason)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import cancelled; nothing was imported.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unexpected error: {error}. Nothing was imported.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>InboundBanner</name>
        <message>
            <source>Returned call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Who is calling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Returned call details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Answer (F3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Qualified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not interested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LeadCard</name>
        <message>
            <source>Lead card</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lead name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company and title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callable now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>International number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the number (Ctrl+Shift+C)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lead local time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Why callable or not</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempt of cadence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next cadence step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Age since arrival</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Age caption</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last attempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last attempt caption</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a lead in the call list.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No lead selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lead not available</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>time zone unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{time} their time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Closed: {status}</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n attempt(s) made</source>
            <translation>
                <numerusform>%n attempt made</numerusform>
                <numerusform>%n attempts made</numerusform>
            </translation>
        </message>
        <message>
            <source>Attempt {number} of {length}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>callback {when}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never contacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>first touch is a call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{when} by {agent}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Social touch due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blocked: on the do-not-call list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blocked: no good phone number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Later: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blocked: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>waiting since arrival</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{age} old</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>first call after {wait}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LeadNotes</name>
        <message>
            <source>No voicemail script for this lead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No script: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rapport notes could not be read: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note saved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note pinned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note unpinned</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>LeadDesk agent window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LeadDesk · {agent}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{title} · DEMO</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemail script</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rapport</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email or text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Background work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo database: these leads are not yours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Demo database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>working…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No lead selected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Preview:&lt;/b&gt; {name} · {local} their time · {reason} &lt;i&gt;(the card stays on {called} until the call is logged)&lt;/i&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening the demo in a window of its own…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The demo could not be started: run leaddesk --demo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set the team server in File &gt; Settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Something went wrong: {error}. Details are in the log.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ManualCallDialog</name>
        <message>
            <source>Log a call made elsewhere</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record a call to {name} made outside LeadDesk. It is marked as recorded by hand in the history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log the call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose what happened…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When the call was made</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MeasureTiles</name>
        <message>
            <source>Leads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never contacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speed to lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Second-attempt rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemails left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First touch a call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{attempts:,} attempts in the period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no leads in the period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{percent:.0f} % of the leads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no lead contacted in the period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>median · 90th percentile {p90}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>median until reached · target {low} to {high}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>of leads not reached got a 2nd attempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>of calls reached a person</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{left} of {reached} voicemails reached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · scripts {seconds:.0f} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>of contacted leads were called first</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Menus</name>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import leads…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Supervisor review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemail drops…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dial</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hang up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Find a lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go to the call list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Undo last outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log a call made elsewhere…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Take off the do-not-call list…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call now anyway…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Answer the returned call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log a returned call…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Drop voicemail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note for this attempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callback tomorrow, same time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callback in 2 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next script variant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add rapport note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit rapport note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pin rapport note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compact mode (always on top)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls only (calls first, written tasks after)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every section</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only {section}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcomes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MessageFlow</name>
        <message>
            <source>No app opens this link here: copy the text instead.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message copied</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MessagePanel</name>
        <message>
            <source>Email or text to send</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email subject</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Message text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open in mail app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open in the mail or messages app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sent: log it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log the message as sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email {n} of {total} for this step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text {n} of {total} for this step</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Subject: {subject}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open in messages app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No email address: copy the text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sent: log it  {key}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log the email as sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log the text as sent</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OutcomeBar</name>
        <message>
            <source>VM, no msg</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome bar</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dial   Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dial</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call the selected lead (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dial state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call now anyway…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call now anyway</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call a lead planned for later now, inside its calling hours (asks why)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call not started</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dismiss the message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number to dial by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note for this attempt (Ctrl+L)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call duration in seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> s</source>
            <comment>seconds after the call duration</comment>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How long the call lasted; filled in while a call runs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dial first (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b style="color:{color}"&gt;Call to {name} was not logged&lt;/b&gt; (started {started}). Press the outcome key to wrap it up.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b style="color:{color}"&gt;{name}&lt;/b&gt; · {call} · Ctrl+H hangs up; log the outcome before the next dial</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b style="color:{color}"&gt;Calling {name}&lt;/b&gt; · {timer} · log the outcome (keys 1–9, letters) before the next dial</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Press Enter to log “{outcome}”, or another outcome key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the outcome (keys 1–9, letters).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b style="color:{color}"&gt;Call to {name} ended&lt;/b&gt; · {description} {hint}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>OutcomeButton</name>
        <message>
            <source>{outcome} (key {key})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log “{outcome}” (key {key})</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PhoneTime</name>
        <message>
            <source>Agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outbound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inbound</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Talk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrap-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>AHT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dials/h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contacts/h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{dials} dials, {contacts} contacts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contacts</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PhoneTimePanel</name>
        <message>
            <source>Phone time summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone time by agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No calls in the period.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{out} outbound and {inbound} returned calls · talk {talk}, wrap-up {wrap}, average handle time {aht} · {dials} dials and {contacts} contacts an hour over {hours} active hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (not known: the agent states recorded begin after the first call of the period)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProblemDialog</name>
        <message>
            <source>LeadDesk cannot save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LeadDesk cannot start</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RapportPanel</name>
        <message>
            <source>Rapport notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Suggested openers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rapport notes list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New rapport note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What did you learn? (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit  F2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit the selected note (F2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pin or unpin note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pin the selected note on top (Ctrl+Shift+P)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a lead to see its rapport notes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;i&gt;No openers yet: ask what matters to them today.&lt;/i&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pinned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No notes yet.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unpin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportPdf</name>
        <message>
            <source>Speed to lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>first attempt minus the lead's arrival; median and 90th percentile</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>attempts until the lead was reached, or all of them; median</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Second-attempt rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>leads not reached on attempt 1 that got attempt 2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never contacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>leads of the period with no attempt at all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemails left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>voicemails left per voicemail reached; mean script length</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>calls that reached a person per call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First touch a call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>leads whose first attempt was a call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Average handle time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>talk plus wrap-up (hang-up to outcome) per call with talk time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dials and contacts per hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>outbound calls and calls that reached a person (returned calls included) per active hour, first call to last wrap-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name}: {out} outbound, {inbound} returned calls · talk {talk} · wrap-up {wrap} · AHT {aht} · {dials} dials/h · {contacts} contacts/h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leads</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speed median</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speed p90</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Att./lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>2nd attempt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>VM left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LeadDesk report: {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the beginning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lead-response report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{who} · from {since} to {until}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>LeadDesk · generated {stamp}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Activity and definitions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the measures mean</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name}: {meaning}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReturnedCalls</name>
        <message>
            <source>an unknown number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Incoming call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>from {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{number} is calling</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{name} is calling back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Press {key} to answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown caller {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On the line</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{number} · press {key} to answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No lead has this number: create one to log the call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log the returned call:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Missed call: it rang {seconds} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call ended after {talk}: log it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No call is ringing.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Missed call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{who} called</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New lead for {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log a returned call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The number that called (any format):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Returned call from {who} logged</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScriptPanel</name>
        <message>
            <source>Voicemail script</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Script text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Script length</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Script stage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next variant  Ctrl+Shift+V</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Next script variant</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a lead to see the voicemail to leave.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;span style="color:{color}; font-weight:600"&gt;⚠ {seconds} s · {words} words: too long, keep it under {limit} s&lt;/span&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{seconds} seconds, too long</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;span style="color:{color}; font-weight:600"&gt;≈ {seconds} s&lt;/span&gt; · {words} words</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{seconds} seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>· {stage}, variant {variant} of {variants}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;span style="color:{color}; font-weight:600"&gt;No voicemail today:&lt;/span&gt; {advice}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Section</name>
        <message>
            <source>Callback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Follow-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Later</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blocked</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SectionChip</name>
        <message>
            <source>{section} count</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n lead(s) in {section}</source>
            <translation>
                <numerusform>%n lead in {section}</numerusform>
                <numerusform>%n leads in {section}</numerusform>
            </translation>
        </message>
        <message>
            <source>click to show every section</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>click to show only these</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>shown alone</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Settings</name>
        <message>
            <source>You</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calling rules</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Softphone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team and appearance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other</source>
            <translation type="unfinished" />
        </message>
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
            <source>The number leads can call you back on, in international form (e.g. +1 415 555 0142); voicemail scripts read it out. Empty uses the agent's number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your company</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The company leads hear in voicemail scripts, emails and texts. Empty uses the company on your agent record; scripts never say a vague 'our team'.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Product or topic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What leads asked about, as scripts say it ('rooftop solar', 'a demo of Acme CRM'). A lead's own topic (its Interest, Campaign or Topic column) wins over this.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calling hours from</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your own earliest local time of the lead for a call (HH:MM). It narrows what the law where the lead lives and the team's rules allow (Florida 8:00-20:00, Canada weekdays 9:00-21:30, ...), never widens it; 00:00 leaves the start to them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calling hours until</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your own latest local time of the lead for a call (HH:MM); the call list, dialing, callbacks and the planned next touch keep inside it and inside the law and the team's rules; 24:00 leaves the end to them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cadence</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The cadence leads follow: the planned touches after each attempt. A change applies to leads already in a cadence from their next attempt on; a team cadence from the server comes first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts per lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Most attempts on one lead, every channel counted; the attempt that reaches it ends the lead's cadence (a callback the lead asked for is kept).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Attempts per 24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Most attempts on one lead in any 24 hours; the next touch is planned after.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemails per day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Most voicemail messages left for one lead per day (its local day). At least 1: a short voicemail on every call that reaches one is the practice LeadDesk keeps.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dialer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>How a number is dialed: 'tel' hands it to the system's phone app, 'baresip' uses the built-in SIP softphone, 'manual' shows the number to dial by hand on a desk phone (Enter records the dial).</source>
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
            <source>Audio system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The sound system the softphone uses for your headset: 'alsa' (Linux, also reaches PipeWire and PulseAudio through their ALSA plugins), 'pulse', 'jack', 'portaudio', 'coreaudio' (macOS), 'winwave' (Windows).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Headset (speaker)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The device you hear the call on, as the audio system names it (e.g. 'default', 'plughw:1,0' for ALSA); 'default' is the system's choice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Headset (microphone)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The device the lead hears you through, as the audio system names it (e.g. 'default', 'plughw:1,0' for ALSA); 'default' is the system's choice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause reasons</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The reasons an agent may pause for, separated by commas (the team's list; the report counts the time paused per reason).</source>
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
            <source>Test headset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hear your microphone in your speaker for a few seconds (saved devices)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Headset test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Problem with {setting}</source>
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
        <name>ShiftBar</name>
        <message>
            <source>Dials</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connects</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemails left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never contacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speed to lead (median)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Shift figures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agent</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SoftphoneLink</name>
        <message>
            <source>Dialer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restart softphone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restart the softphone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Start the softphone again (the call list is kept)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Test call: {result}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The headset could not be opened: {error}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Softphone · {account}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls go through the built-in softphone (baresip)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Desk phone (dial by hand)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter records the dial and shows the number to dial by hand</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone app (tel:)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Numbers are handed to the system's phone application</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Softphone stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The softphone stopped: {reason}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restart it with the button in the status bar.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone app (tel:) · softphone off</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The system's phone application has the call: hang up there.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log the current call first, then try the test number.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The test call failed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calling {number} through the softphone ({name})…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{number} was handed to the system's phone application (tel:).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Restarting the softphone…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The softphone is ready.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The softphone did not restart: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The dialer did not start: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Speak now: you should hear yourself in the headset for {seconds} seconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new dialer settings apply once this call is logged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting the dialer…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Calls go to the system's phone application (tel:).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The headset test needs the softphone (Dialer: baresip) running.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Log the current call first, then test the headset.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Headset test done. Heard nothing? Check the devices above.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opening the headset…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StateBar</name>
        <message>
            <source>Ready</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>On a call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrap-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Paused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agent state</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ready for calls</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pause, with a reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{state}: {reason}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SupervisorHistory</name>
        <message>
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Lead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Script</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Social</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dialing…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · {time} lead time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Taken back (undo)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (corrected)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> (manual)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{script} ({words} words)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SupervisorWindow</name>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 7 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 90 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Supervisor review · LeadDesk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Supervisor review</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Charts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coaching</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read more of the history (scroll down to try again): {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All agents</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Period</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export PDF…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No attempts and no leads in this period.
Pick a longer period or another agent.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Measures per agent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Double-click an agent to review their history and coaching lists.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search the history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search lead, company, phone or note…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every channel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every outcome</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>History of attempts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No attempts match.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Coaching lists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Leads to coach on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing to coach on here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Computing the measures…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not compute the report: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not read the list of agents: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{agent} · {period} (from {since}) · {leads:,} leads, {attempts:,} attempts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No attempts match the search and filters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No attempts in this period.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{count:,} attempts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>could not load the history</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The {count} most relevant are listed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export the report as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Saved {path} (%n page(s))</source>
            <translation>
                <numerusform>Saved {path} (%n page)</numerusform>
                <numerusform>Saved {path} (%n pages)</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Sync</name>
        <message>
            <source>Local only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sign in with leaddesk login</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Offline, retrying ({pending} pending)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Offline, retrying</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error: no keychain, set LEADDESK_TOKEN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Synced {time}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{pending} pending</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not synced yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Synced</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Token for this session only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Error: {reason}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <source>Sync {status}: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>offline</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>error</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sync is back: {state}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TelHandoff</name>
        <message>
            <source>No lead with this number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No lead has the number {number}. Create a lead with it?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create a lead for this number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New lead for {number}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Opened {number}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Time</name>
        <message>
            <source>{n} s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{n} min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{h} h {m:02d}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{d} d {h} h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{d} d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>{span} ago</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in {span}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>tomorrow {time}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Tray</name>
        <message>
            <source>Show LeadDesk</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n new lead(s)</source>
            <translation>
                <numerusform>%n new lead</numerusform>
                <numerusform>%n new leads</numerusform>
            </translation>
        </message>
        <message>
            <source>Call now: speed to lead counts.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n callback(s) due</source>
            <translation>
                <numerusform>%n callback due</numerusform>
                <numerusform>%n callbacks due</numerusform>
            </translation>
        </message>
        <message>
            <source>A lead asked to be called now.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VoicemailDrop</name>
        <message>
            <source>Voicemail drop plays into a softphone call: dial the lead first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No recording for the {stage} voicemail: record it with Voicemail drops… (Ctrl+Alt+V).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>lead's</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemail drop: {stage} recording ({seconds:.0f} s)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>VoicemailDropDialog</name>
        <message>
            <source>Voicemail drops</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record the voicemail for each stage of the cadence, or choose a WAV file. During a call, F4 plays it into the voicemail box and hangs up when it ends. Keep each under {seconds:.0f} seconds.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recording length</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose WAV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;span style="color:{color}"&gt;{seconds:.1f} s: over 30 s&lt;/span&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;span style="color:{color}"&gt;{seconds:.1f} s&lt;/span&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the recording</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>WAV sound (*.wav)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved the {stage} voicemail ({seconds:.1f} s).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> It is over 30 s: shorten it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recording needs Qt Multimedia: choose a WAV file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No microphone found: plug in the headset.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recording… speak now, then press Stop.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recorded the {stage} voicemail ({seconds:.1f} s).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Outcome</name>
        <message>
            <source>Qualified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Callback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not interested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemail left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voicemail, no message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No answer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Busy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrong number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bad number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Do not call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Text sent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Social touch</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Replied</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Channel</name>
        <message>
            <source>phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>email</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>sms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>social</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LeadStatus</name>
        <message>
            <source>new</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>working</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>callback</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>reached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>qualified</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not interested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>do not call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>bad number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>finished</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScriptStage</name>
        <message>
            <source>introduce</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>add value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>offer time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>close file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>generic</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RapportKind</name>
        <message>
            <source>family</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>interests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>work</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>timing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>pain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>other</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportField</name>
        <message>
            <source>(keep as From the file)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(leave out)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Id in the source system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Salutation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Middle name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Company</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Job title</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Topic or interest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mobile phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Country calling code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Phone extension</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Street address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address line 2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Address line 3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>City</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>State or province</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Postal code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time zone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Owner in the source system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Do not call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status in the source system</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Times called before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consent to be called</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Where consent was given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>When consent was given</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SpeedBucket</name>
        <message>
            <source>≤5 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>5–30 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>0.5–2 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>2–24 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1–3 d</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&gt;3 d</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
