<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccessForm</name>
    <message>
        <location filename="../../forms/access_form.ui" line="9"/>
        <source>Copy the Parent Access Form in its order. Fields come prefilled from the roster; change them to what the parent wrote.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="18"/>
        <location filename="../../forms/access_form.ui" line="24"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="24"/>
        <source>The student&apos;s school, from the roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="29"/>
        <source>Student &amp;Permanent ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="35"/>
        <source>Student Permanent ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="35"/>
        <source>5 to 12 digits; type or scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="40"/>
        <source>Student &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="47"/>
        <source>Student first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="47"/>
        <source>First</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="50"/>
        <source>Student middle initial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="50"/>
        <source>MI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="53"/>
        <source>Student last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="53"/>
        <source>Last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="59"/>
        <source>Parent/&amp;guardian name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="65"/>
        <source>Parent or guardian name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="65"/>
        <source>As written on the form; compared with the student&apos;s contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="70"/>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="76"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="81"/>
        <source>&amp;Home phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="87"/>
        <source>Home phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="87"/>
        <source>e.g. (415) 555-0123</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="92"/>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="98"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="98"/>
        <source>e.g. name@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="103"/>
        <source>&amp;Signed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="109"/>
        <source>Date the form was signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="111"/>
        <source>yyyy-MM-dd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="116"/>
        <source>Slip &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="122"/>
        <source>Slip language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="123"/>
        <source>The language of the printed slip; by default the family&apos;s language on the roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="128"/>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="134"/>
        <source>Signed paper form &amp;received (the parent signed it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="153"/>
        <source>Not on the contact list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="159"/>
        <source>What the form still needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="135"/>
        <source>Signed paper form received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="136"/>
        <source>The parent signed the paper form (its signature line); an unsigned form cannot be recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="145"/>
        <source>Notice about this form</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessFormDialog</name>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="68"/>
        <source>New Parent Access Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="102"/>
        <source>Re&amp;cord form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="104"/>
        <source>Record the form, then check the parent&apos;s ID (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="106"/>
        <source>Record form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="189"/>
        <source>To record the form: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="203"/>
        <source>Have the parent sign the paper form, then tick this box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="247"/>
        <source>restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="257"/>
        <source>&lt;b&gt;{0} is not on this student&apos;s contact list.&lt;/b&gt; At home they could not pick their name in the portal. If they are not one of these, an approver must write why before approving:&lt;ul&gt;{1}&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="303"/>
        <source>Restricted contact(s) for this student: {0}. Portal access for them needs an admin override.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="343"/>
        <source>Lost slip — new Parent Access Form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="310"/>
        <source>Lost slip: issuing this form&apos;s code revokes the old one (serial {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="313"/>
        <source>Lost slip: the old code no longer works; nothing to revoke.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="408"/>
        <source>Name differs from the roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="409"/>
        <source>{0}.

Record the form anyway, as written by the parent?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="423"/>
        <source>Already requested or linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="424"/>
        <source>{0}.

Record the form anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalQueue</name>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="449"/>
        <source>All my schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="479"/>
        <source>{0} request(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="500"/>
        <source>&lt;p&gt;Select a request to see the form and decide.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="572"/>
        <source>Select a request in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="10"/>
        <source>S&amp;chool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="16"/>
        <source>Filter by school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="21"/>
        <source>S&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="27"/>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="32"/>
        <source>A&amp;ge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="38"/>
        <source>Filter by age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="46"/>
        <source>Number of requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="51"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="52"/>
        <source>Reload the queue (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="53"/>
        <source>Refresh the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="63"/>
        <source>Requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="76"/>
        <source>Request details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="84"/>
        <source>Check I&amp;D…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="85"/>
        <source>Record the parent&apos;s photo ID (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="86"/>
        <source>Check ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="91"/>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="92"/>
        <source>Approve the request (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="93"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="98"/>
        <source>Re&amp;ject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="99"/>
        <source>Reject the request with a reason (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="100"/>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="105"/>
        <source>Issue &amp;&amp; &amp;print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="106"/>
        <source>Issue the passcode and print the slip (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="107"/>
        <source>Issue and print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="112"/>
        <source>Re&amp;issue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="113"/>
        <source>Revoke the current passcode and issue a new one (Ctrl+Shift+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="114"/>
        <source>Reissue passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="119"/>
        <source>Re&amp;voke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="120"/>
        <source>Revoke the active passcode with a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="121"/>
        <source>Revoke passcode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApproverBadge</name>
    <message>
        <location filename="../../staffdesk/ui/badge.py" line="43"/>
        <source>Requests waiting for your approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../staffdesk/ui/badge.py" line="87"/>
        <source>%n request(s) waiting for you</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/badge.py" line="88"/>
        <source>Open the approval queue (F4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="106"/>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="138"/>
        <source>Verifying the chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="145"/>
        <source>Audit chain intact: {0} events in {1} chain(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="149"/>
        <location filename="../../staffdesk/ui/audit_view.py" line="158"/>
        <source>Audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="153"/>
        <source>The audit chain is broken ({0} problem(s)):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="163"/>
        <source>Export the audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="163"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="169"/>
        <source>{0} events exported to {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="10"/>
        <source>&amp;Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="16"/>
        <source>Filter by staff username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="17"/>
        <source>username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="23"/>
        <source>A&amp;ction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="29"/>
        <source>Filter by action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="35"/>
        <source>&amp;Record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="41"/>
        <source>Filter by record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="47"/>
        <source>&amp;Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="48"/>
        <source>Apply the filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="56"/>
        <source>&amp;Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="57"/>
        <source>Recompute the audit chain to detect tampering (Ctrl+Shift+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="58"/>
        <source>Verify the audit chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="63"/>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="64"/>
        <source>Export the whole audit trail as CSV (admin, Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="65"/>
        <source>Export the audit trail as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="72"/>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="82"/>
        <source>Audit status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchPrint</name>
    <message>
        <location filename="../../forms/batch.ui" line="9"/>
        <source>Issue a passcode for every approved request at a school that has none yet, and write all the slips to one PDF to print. All or nothing: cancelling or a failure issues no passcode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="15"/>
        <source>S&amp;chool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="16"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="17"/>
        <source>&amp;Grade (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="18"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="18"/>
        <source>All grades</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="19"/>
        <source>Slip &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="20"/>
        <source>Slip language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="21"/>
        <source>Save &amp;PDF as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="24"/>
        <source>PDF file for the slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="25"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="25"/>
        <source>Choose the PDF file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="32"/>
        <source>Batch progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="39"/>
        <source>Batch status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="46"/>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="46"/>
        <source>Start the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="47"/>
        <source>&amp;Cancel batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="47"/>
        <source>Cancel the batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="48"/>
        <source>Cl&amp;ose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="48"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="33"/>
        <source>Generating passcodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="34"/>
        <source>Recording passcodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="35"/>
        <source>Drawing slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="47"/>
        <source>Batch print a school&apos;s slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="62"/>
        <source>Each family&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="81"/>
        <source>Save the slips as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="81"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="90"/>
        <source>Pick a school and a file for the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="114"/>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="121"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="149"/>
        <source>Done: {0} passcode(s) issued for {1}; {2} page(s) written to {3}. Print that file now — the codes cannot be shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="154"/>
        <source>{0} slip(s) in English: no slip text ships for the family language {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="163"/>
        <source>Cancelled: no passcode was issued and no file written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="166"/>
        <source>Nothing was issued: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="37"/>
        <source>From the roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="42"/>
        <source>Open: everything awaiting someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="45"/>
        <source>Awaiting ID check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="46"/>
        <source>Awaiting decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="47"/>
        <source>Approved, ready to issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="48"/>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="49"/>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="50"/>
        <source>Revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="51"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="54"/>
        <source>Any age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="55"/>
        <source>Older than 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="56"/>
        <source>Older than 3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="57"/>
        <source>Older than 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="58"/>
        <source>Older than 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/languages.py" line="20"/>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <location filename="../../forms/codes.ui" line="11"/>
        <source>S&amp;chool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="17"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="24"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="30"/>
        <source>Which codes to list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="37"/>
        <source>Expiring &amp;within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="43"/>
        <source>Expiring within this many days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="44"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="55"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="56"/>
        <source>Refresh the dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="67"/>
        <source>Codes by state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="75"/>
        <source>Issued and linked per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="88"/>
        <source>Codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="96"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="103"/>
        <source>Selected codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="111"/>
        <source>Re&amp;issue selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="112"/>
        <source>Reissue the selected codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="117"/>
        <source>Re&amp;voke selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="118"/>
        <source>Revoke the selected codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="123"/>
        <source>&amp;Print new slips…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="124"/>
        <source>Print the new slips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="129"/>
        <source>Save new slips as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="130"/>
        <source>Save the new slips as a PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="135"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodesDashboard</name>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="46"/>
        <source>Unused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="47"/>
        <source>Expiring within {0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="48"/>
        <source>Expired, never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="49"/>
        <source>Locked by the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="50"/>
        <source>Used (linked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="198"/>
        <source>Codes dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="240"/>
        <source>Only an approver can reissue or revoke codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="264"/>
        <source>You have no school to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="288"/>
        <source>{0} code(s) selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="300"/>
        <source>Reissue {0} code(s)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="302"/>
        <source>Serials: {0}.

Each of these codes stops working and a new code is made for its request, one slip each. Print or save the new slips next: they cannot be shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="313"/>
        <source>Reissuing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="324"/>
        <source>{0} new code(s) made; the old ones (serials {1}) no longer work. Print the new slips or save them as a PDF now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="339"/>
        <source>Revoke {0} code(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="341"/>
        <source>Serials: {0}. They stop working at once and no new code is made.
Reason (required, kept in the audit trail):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="349"/>
        <source>Reason: please write why the codes are revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="359"/>
        <source>Revoked {0} code(s): {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="398"/>
        <source>(the system&apos;s default printer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="399"/>
        <source>Sent to the printer {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="412"/>
        <source>Saved to {0}. It holds passcodes: delete it once printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="434"/>
        <source>New slips not printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="436"/>
        <source>The new slips were neither printed nor saved. Their codes cannot be shown again: the families would need another reissue. Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="55"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="56"/>
        <location filename="../../staffdesk/ui/admin.py" line="181"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="69"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="57"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="58"/>
        <source>Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="59"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="123"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="180"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="182"/>
        <source>Students on the roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="60"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="112"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="121"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="61"/>
        <source>Staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="62"/>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="63"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="64"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="65"/>
        <source>Record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="66"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="125"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="97"/>
        <source>Serial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="98"/>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="99"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="70"/>
        <location filename="../../staffdesk/ui/queue.py" line="72"/>
        <source>Permanent ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="101"/>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="102"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="103"/>
        <source>Failed tries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="104"/>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="105"/>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="71"/>
        <location filename="../../staffdesk/ui/queue.py" line="70"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="72"/>
        <source>Grade</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="84"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="85"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="110"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="88"/>
        <source>Relationship</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="91"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="93"/>
        <source>Portal access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="111"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="122"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="124"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="69"/>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="71"/>
        <source>Student (as written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="100"/>
        <location filename="../../staffdesk/ui/queue.py" line="73"/>
        <source>Parent/guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="75"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="77"/>
        <source>ID verified by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <location filename="../../staffdesk/ui/counter.py" line="86"/>
        <source>Approved by {0} at this desk. Issue the passcode and print the slip.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/counter.py" line="103"/>
        <source>All my schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/counter.py" line="109"/>
        <source>Switch school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/counter.py" line="110"/>
        <source>School you are working at:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Countersign</name>
    <message>
        <location filename="../../forms/countersign.ui" line="9"/>
        <source>An approver approves here, at this desk, with their own username and password. Nobody is signed out; the decision is recorded as the approver&apos;s, from this workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="28"/>
        <source>The request being approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="40"/>
        <source>Rules that apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="45"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="52"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="61"/>
        <source>Approver&apos;s &amp;username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="67"/>
        <source>Approver&apos;s username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="68"/>
        <source>The approver types their own username (not the clerk&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="73"/>
        <source>Approver&apos;s pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="80"/>
        <source>Approver&apos;s password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="88"/>
        <source>Problem with this approval</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountersignDialog</name>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="51"/>
        <source>Approve at this desk (countersign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="85"/>
        <source>&lt;b&gt;Two-person rule:&lt;/b&gt; {0} checked the ID, so someone else approves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="86"/>
        <source>nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="91"/>
        <source>&lt;b&gt;Restricted contact:&lt;/b&gt; {0} is flagged (court order or custody note). Only an admin can approve, with a written override reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="96"/>
        <source>Admin &amp;override reason (required, kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="100"/>
        <source>&lt;b&gt;Possible restricted contact:&lt;/b&gt; the name is close to {0}, who is flagged. Approve only if you are sure they are different people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="105"/>
        <source>&amp;Why they are different people (required, kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="107"/>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="110"/>
        <source>&lt;b&gt;Not on the contact list:&lt;/b&gt; {0} is not one of the student&apos;s contacts ({1}). At home they could not pick their name in the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="116"/>
        <source>&amp;Why approve someone not on the contact list (required, kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="63"/>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="64"/>
        <source>Approve as the approver named above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="144"/>
        <source>Reason: please write why (it is kept with the decision).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="148"/>
        <source>Approver&apos;s username: the approver types their own username.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="152"/>
        <source>Approver&apos;s password: the approver types their password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="158"/>
        <source>{0} checked this parent&apos;s ID: another approver must approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="180"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="195"/>
        <source>Too many failed sign-ins: approving here is paused. Try again in {0} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="202"/>
        <source>Wrong username or password (or the account is disabled). Nothing was approved; the desk stays signed in as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <location filename="../../forms/decision.ui" line="11"/>
        <source>The request being decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/decision.ui" line="18"/>
        <source>Rules that apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/decision.ui" line="23"/>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/decision.ui" line="29"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/decision.ui" line="37"/>
        <source>Problem with this decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="239"/>
        <source>Approve request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="240"/>
        <source>Reject request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="241"/>
        <source>Revoke passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="286"/>
        <source>&lt;b&gt;Two-person rule is on:&lt;/b&gt; the person who checked the ID ({0}) cannot also approve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="288"/>
        <source>nobody yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="292"/>
        <source>You checked this parent&apos;s ID, so another approver must approve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="297"/>
        <source>&lt;b&gt;Restricted contact:&lt;/b&gt; {0} is flagged (court order or custody note). Approval is blocked unless an admin overrides it with a written reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="305"/>
        <source>Admin &amp;override reason (required, kept in the audit trail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="308"/>
        <source>Only an admin can override a restricted-contact block.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="312"/>
        <source>&lt;b&gt;Possible restricted contact:&lt;/b&gt; the parent/guardian&apos;s name is close to {0}, who is flagged (court order or custody note). Approve only if you are sure they are different people.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="319"/>
        <source>&amp;Why they are different people (required, kept in the audit trail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="324"/>
        <source>The parent/guardian is not on the student&apos;s contact list; check before approving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="331"/>
        <source>&amp;Why approve someone not on the contact list (required, kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="334"/>
        <source>&amp;Reason for rejecting (the office keeps it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="336"/>
        <source>&amp;Reason for revoking (e.g. slip lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="352"/>
        <source>Reason: please write why.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <location filename="../../staffdesk/ui/app.py" line="110"/>
        <source>This database has no staff accounts yet. Create the first admin with:
staffdesk staff add admin --role admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/app.py" line="102"/>
        <source>Taking this desk&apos;s staff accounts from the shared database…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Discard</name>
    <message>
        <location filename="../../staffdesk/ui/discard.py" line="18"/>
        <source>Discard what you typed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/discard.py" line="19"/>
        <source>What you typed here is not recorded yet. Close and lose it?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <location filename="../../staffdesk/ui/base.py" line="202"/>
        <source>Problem: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrontDesk</name>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="51"/>
        <source>RESTRICTED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="54"/>
        <source>Linked: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="57"/>
        <source>Allowed, not linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="106"/>
        <source>(has not picked a name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="266"/>
        <source>Searching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="273"/>
        <source>No student matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="275"/>
        <source>{0}+ students — scroll for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="277"/>
        <source>{0} student(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="331"/>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="346"/>
        <source>&lt;b&gt;{school}&lt;/b&gt; ({code}) · Grade &lt;b&gt;{grade}&lt;/b&gt; · Permanent ID &lt;b&gt;{pid}&lt;/b&gt;&lt;br&gt;Phone on record: &lt;b&gt;{phone}&lt;/b&gt; · Family language: {lang}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="360"/>
        <source>{0} restricted contact(s): no portal access for them without an admin override.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="378"/>
        <location filename="../../forms/frontdesk.ui" line="67"/>
        <source>No student selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="17"/>
        <source>Permanent &amp;ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="23"/>
        <source>Student Permanent ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="24"/>
        <source>Type or scan, then Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="25"/>
        <source>Type the Student Permanent ID or scan the barcode, then press Enter (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="31"/>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="37"/>
        <source>Search students by name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="38"/>
        <source>Last name, first name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="39"/>
        <source>Search the roster as you type: last name first (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="47"/>
        <source>Matching students</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="57"/>
        <source>Search status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="68"/>
        <source>Student name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="74"/>
        <source>Scan a Permanent ID or search by name to open a student&apos;s card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="76"/>
        <source>School, grade and phone on record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="89"/>
        <source>Contacts (emergency order)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="94"/>
        <source>Student contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="107"/>
        <source>Portal links: accounts linked to this student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="112"/>
        <source>Portal links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="125"/>
        <source>History: requests and passcodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="130"/>
        <source>Student history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="145"/>
        <source>New access &amp;form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="146"/>
        <source>Record a Parent Access Form for this student (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="147"/>
        <source>New access form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="152"/>
        <source>Check I&amp;D…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="153"/>
        <source>Record the parent&apos;s photo ID for the selected request (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="154"/>
        <source>Check ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="159"/>
        <source>Appro&amp;ve here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="160"/>
        <source>Approve the checked request at this desk: an approver types their own username and password, nobody signs out (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="161"/>
        <source>Approve here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="166"/>
        <source>Issue &amp;&amp; &amp;print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="167"/>
        <source>Issue the passcode and print the slip for the selected approved request (F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="168"/>
        <source>Issue and print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="173"/>
        <source>&amp;Lost slip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="174"/>
        <source>Start a new form prefilled from the last one, for a parent who lost the slip; issuing it revokes the old code (F7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="175"/>
        <source>Lost slip</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityCheck</name>
    <message>
        <location filename="../../forms/identity_check.ui" line="10"/>
        <source>Whose ID is being checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="15"/>
        <source>How was the parent verified?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="20"/>
        <source>Nothing is chosen yet: pick the document you looked at (Space on it, or Alt and its underlined letter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="22"/>
        <source>Which document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="32"/>
        <source>D&amp;escription</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="38"/>
        <source>ID description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="39"/>
        <source>Required for other ID, e.g. consular ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="44"/>
        <source>&amp;Last four (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="50"/>
        <source>Last four characters of the document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="51"/>
        <source>At most the last 4 letters or digits — never the full document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="58"/>
        <location filename="../../forms/identity_check.ui" line="63"/>
        <source>Verified by</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityCheckDialog</name>
    <message>
        <location filename="../../staffdesk/ui/idcheck.py" line="80"/>
        <source>Identity check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/idcheck.py" line="123"/>
        <source>&lt;b&gt;{guardian}&lt;/b&gt; for &lt;b&gt;{student}&lt;/b&gt; (Permanent ID {pid}, {school}).&lt;br&gt;Look at the photo ID and make sure it matches the person at the counter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/idcheck.py" line="103"/>
        <source>&amp;Verify ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/idcheck.py" line="104"/>
        <source>Verify ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/idcheck.py" line="105"/>
        <source>Record the identity check (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="110"/>
        <source>An approver must acknowledge this possible match with a written reason before the code can be issued: ask an approver to issue it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="120"/>
        <source>Issue anyway only if you are sure they are different people. Why are they (required, kept in the audit trail)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="133"/>
        <source>Reason: please write why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="147"/>
        <source>Reissue passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="147"/>
        <source>Issue passcode and print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="168"/>
        <source>Family&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="172"/>
        <source>&amp;Reissue passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="198"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; — Permanent ID {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="200"/>
        <source>status: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="201"/>
        <source>Parent/guardian: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="207"/>
        <source>Reissuing revokes the active passcode (serial {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="224"/>
        <source>Add {0} to the family slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="249"/>
        <source>Issuing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="267"/>
        <source>Not issued: the possible match is not acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="279"/>
        <source>Passcode issued for {0} student(s). Print the slip or save it as a PDF now: the code cannot be shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="284"/>
        <source>Pending sync: the portal accepts this code once this workstation has synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="288"/>
        <source>The old code (serial {0}) was revoked: it no longer works in the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="292"/>
        <source>The slip is in English: no slip text ships for the family&apos;s language {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="295"/>
        <source>Drawing the slip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="316"/>
        <source>Preview of the credential slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="347"/>
        <source>The slip could not be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="363"/>
        <source>Sending the slip to the printer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="375"/>
        <source>(the system&apos;s default printer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="376"/>
        <source>Sent to the printer {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="387"/>
        <source>Saved to {0}. It holds a passcode: delete it once printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="393"/>
        <source>Not printed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="411"/>
        <source>Slip not printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="413"/>
        <source>The slip was neither printed nor saved. The passcode cannot be shown again: the parent would need a reissue. Close anyway?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IssuePrint</name>
    <message>
        <location filename="../../forms/issue.ui" line="13"/>
        <source>Request to issue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="19"/>
        <source>Family slip: add siblings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="20"/>
        <source>Siblings to add to a family slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="24"/>
        <source>No other approved request from this parent at this school.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="35"/>
        <source>Slip &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="41"/>
        <source>Slip language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="48"/>
        <source>&amp;Issue passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="49"/>
        <source>Generate the passcode and show the slip (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="50"/>
        <source>Issue passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="56"/>
        <source>Issue and print status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="64"/>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="65"/>
        <source>Print the slip on a printer (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="66"/>
        <source>Print the slip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="71"/>
        <source>&amp;Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="72"/>
        <source>Save the slip as a PDF file (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="73"/>
        <source>Save the slip as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="78"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="79"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="87"/>
        <location filename="../../forms/issue.ui" line="93"/>
        <source>Slip preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="91"/>
        <source>The slip appears here once the passcode is issued.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="36"/>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="37"/>
        <source>passcode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageName</name>
    <message>
        <location filename="../../staffdesk/ui/languages.py" line="26"/>
        <source>English</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../forms/lock.ui" line="9"/>
        <source>StaffDesk is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="17"/>
        <source>Why the desk is locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="26"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="27"/>
        <source>Password to unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="33"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="34"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="40"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="41"/>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="50"/>
        <source>Unlock message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="63"/>
        <source>StaffDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="63"/>
        <source> — DEMO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="64"/>
        <source>StaffDesk front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="76"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="90"/>
        <location filename="../../staffdesk/ui/screenshots.py" line="284"/>
        <source>Locked after {0} minutes without use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="125"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="126"/>
        <source>&amp;New access form…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="127"/>
        <source>&amp;Lost slip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="129"/>
        <source>S&amp;witch school…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="133"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="134"/>
        <source>Locked by {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="138"/>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="139"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="140"/>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="142"/>
        <source>Find student by &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="145"/>
        <source>Find by &amp;Permanent ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="147"/>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="148"/>
        <source>&amp;Front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="149"/>
        <source>&amp;Approval queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="150"/>
        <source>A&amp;udit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="151"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="152"/>
        <source>&amp;Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="153"/>
        <source>Check &amp;ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="157"/>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="164"/>
        <source>Re&amp;ject…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="167"/>
        <source>Issue &amp;&amp; &amp;print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="171"/>
        <source>Re&amp;issue passcode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="179"/>
        <source>Re&amp;voke passcode…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="187"/>
        <source>&amp;Batch print a school&apos;s slips…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="191"/>
        <source>Codes &amp;dashboard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="193"/>
        <source>&amp;Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="195"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="198"/>
        <source>S&amp;taff accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="201"/>
        <source>Sc&amp;hools…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="203"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="204"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="209"/>
        <source>Signed-in staff member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="210"/>
        <location filename="../../staffdesk/ui/sync_status.py" line="75"/>
        <source>Standalone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="211"/>
        <source>Sync status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="213"/>
        <source>Working indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="218"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="269"/>
        <source>all my schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="326"/>
        <location filename="../../staffdesk/ui/main_window.py" line="335"/>
        <location filename="../../staffdesk/ui/sync_status.py" line="76"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="352"/>
        <source>{0}, enter your password to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="395"/>
        <source>Wrong password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="403"/>
        <source>Signed in for {0} hours: please confirm it is still you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="479"/>
        <source>Form recorded. Now check the parent&apos;s ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="507"/>
        <source>ID check recorded for {0}. Next: approval here (Ctrl+Shift+A) or in the queue (F4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="584"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="72"/>
        <source>Shared database (direct)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="76"/>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="77"/>
        <source>{0} waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="80"/>
        <source>last sync {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="82"/>
        <source>never synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="86"/>
        <source>{0} conflict(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="84"/>
        <source>{0} need an admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="88"/>
        <source>restored from a backup: run sync --new-segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="90"/>
        <source>another desk has this desk&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="92"/>
        <source>admin login refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="96"/>
        <source>checkpoint #{0} verified {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="102"/>
        <source>Audit chain {0} anchored on the shared database up to event {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasscodeStates</name>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="29"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="30"/>
        <source>used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="31"/>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="32"/>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="33"/>
        <source>locked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="92"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="93"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; (version {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="97"/>
        <source>School</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="99"/>
        <source>Student</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="100"/>
        <source>{0} — Permanent ID {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="108"/>
        <source>Name on form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="110"/>
        <source>(differs from the roster; confirmed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="118"/>
        <source>RESTRICTED CONTACT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="124"/>
        <source>(not on the contact list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="127"/>
        <source>Parent/guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="131"/>
        <source>Contact list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="144"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="145"/>
        <source>Home phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="146"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="147"/>
        <source>Signed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="149"/>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="150"/>
        <source>{0} by {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="161"/>
        <source>, ends …{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="164"/>
        <source>ID checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="165"/>
        <source>{0} — by {1}, {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="172"/>
        <source>{0} by {1}, {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="178"/>
        <source> (override: {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="180"/>
        <source>, at workstation {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="181"/>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="185"/>
        <source>Not on the contact list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="186"/>
        <source>approved because: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="194"/>
        <source>, used {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="200"/>
        <source>Passcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="201"/>
        <source>{0}: &lt;b&gt;{1}&lt;/b&gt;, expires {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RequestStates</name>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="21"/>
        <source>recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="22"/>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="23"/>
        <source>approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="24"/>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="25"/>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="26"/>
        <source>revoked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavePdf</name>
    <message>
        <location filename="../../staffdesk/ui/savepdf.py" line="19"/>
        <source>Save as PDF — the file holds a passcode: keep it private</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/savepdf.py" line="21"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchoolsDialog</name>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="174"/>
        <location filename="../../staffdesk/ui/admin.py" line="177"/>
        <source>Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="191"/>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="192"/>
        <source>Rename the school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="217"/>
        <source>Rename school</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="218"/>
        <source>New name for {0}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <location filename="../../staffdesk/ui/screenshots.py" line="225"/>
        <source>Aunt with a custody letter; the school called the mother.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../forms/settings.ui" line="9"/>
        <source>District (all workstations; admin only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="11"/>
        <source>District &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="12"/>
        <source>District name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="13"/>
        <source>Parent &amp;portal address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="14"/>
        <source>Parent portal address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="14"/>
        <source>https://portal.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="15"/>
        <source>Support &amp;email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="16"/>
        <source>Support email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="17"/>
        <source>Default slip &amp;language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="18"/>
        <source>Default slip language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="19"/>
        <source>Passcode e&amp;xpiry (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="20"/>
        <source>Passcode expiry in days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="20"/>
        <source>Policy: 1 to 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="21"/>
        <source>&amp;Two-person rule: whoever checks the ID cannot approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="21"/>
        <source>Two-person rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="27"/>
        <source>This workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="29"/>
        <source>Lock after &amp;idle (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="30"/>
        <source>Lock after idle minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="30"/>
        <source>Policy: at most 30 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="31"/>
        <source>Interface lan&amp;guage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="32"/>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="32"/>
        <source>Takes effect the next time StaffDesk starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="38"/>
        <source>Shared database (sync)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="40"/>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="41"/>
        <source>Shared database address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="41"/>
        <source>postgresql://staffdesk@db.district.example/staffdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="42"/>
        <source>Pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="43"/>
        <source>Shared database password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="43"/>
        <source>Kept in the system keyring only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="44"/>
        <source>Keyring status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="51"/>
        <source>Problem with the settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="46"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="92"/>
        <source>Checking the system keyring…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="115"/>
        <source>No secure keyring: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="118"/>
        <source>The password cannot be saved on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="125"/>
        <source>The password is kept in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="204"/>
        <source>enter the address first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../forms/signin.ui" line="6"/>
        <source>Sign in — StaffDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="11"/>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="12"/>
        <location filename="../../forms/signin.ui" line="13"/>
        <source>StaffDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="18"/>
        <source>Parent portal access — front office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="27"/>
        <source>Demo accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="34"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="40"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="41"/>
        <source>e.g. clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="46"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="53"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="58"/>
        <source>S&amp;chool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="65"/>
        <source>School to work at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="74"/>
        <source>Sign-in message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="84"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="85"/>
        <source>Quit StaffDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="91"/>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="92"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="93"/>
        <source>Sign in (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="37"/>
        <source>Sign in — StaffDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="70"/>
        <source>Sign in with your district account and its password ({0}\name, or just name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="60"/>
        <source>&lt;b&gt;Demo district&lt;/b&gt; — made-up students, nothing real. Sign in as &lt;b&gt;clerk&lt;/b&gt; (records forms, checks ID, prints slips), &lt;b&gt;approver&lt;/b&gt; or &lt;b&gt;approver2&lt;/b&gt; (approve), or &lt;b&gt;admin&lt;/b&gt;. Password for all: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="93"/>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="102"/>
        <source>Enter your username and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="106"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="129"/>
        <source>All my schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="137"/>
        <source>&amp;Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="139"/>
        <source>Welcome, {0}. Pick the school you are working at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="153"/>
        <source>Wrong username or password, or the account is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="147"/>
        <source>Too many failed sign-ins here. Try again in {0} minutes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffAdmin</name>
    <message>
        <location filename="../../forms/staff_admin.ui" line="9"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="20"/>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="21"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="26"/>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="27"/>
        <source>Enable or disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="35"/>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="36"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="33"/>
        <source>district-wide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="49"/>
        <location filename="../../staffdesk/ui/admin.py" line="52"/>
        <source>Staff accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="97"/>
        <source>&amp;Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="99"/>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffEdit</name>
    <message>
        <location filename="../../forms/staff_edit.ui" line="8"/>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="9"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="10"/>
        <source>&amp;Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="11"/>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="12"/>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="13"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="14"/>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="15"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="15"/>
        <source>At least 8 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="16"/>
        <source>Schools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="19"/>
        <source>Schools this person works at</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffEditDialog</name>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="41"/>
        <source>clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="42"/>
        <source>approver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="43"/>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="120"/>
        <source>Add a staff account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffStates</name>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="46"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="47"/>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../../staffdesk/ui/models.py" line="46"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WeeklyChart</name>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="120"/>
        <source>Codes issued and linked per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="129"/>
        <source>week of {0}: {1} issued, {2} linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="147"/>
        <source>issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="148"/>
        <source>linked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="158"/>
        <source>No codes issued in the last weeks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="64"/>
        <source>Please check these entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="68"/>
        <source>Please check this entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="69"/>
        <source>Sign-in refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="70"/>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="71"/>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="72"/>
        <source>Not possible now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="73"/>
        <source>Changed by someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="74"/>
        <source>Restricted contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="77"/>
        <source>Possible restricted contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="81"/>
        <location filename="../../staffdesk/ui/errors.py" line="97"/>
        <source>Database not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="84"/>
        <source>No secure password storage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="88"/>
        <source>Printing failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="91"/>
        <source>District directory unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="123"/>
        <source>Your district password is checked by the district directory, which did not answer. Check the network and try again; if it keeps happening, call the district help desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="101"/>
        <source>StaffDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="105"/>
        <source>This is the computer, its disk or the network, not what you entered. Check the network cable or Wi-Fi, then try again. Nothing was saved half-way. If it keeps happening, call the district help desk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="111"/>
        <source>StaffDesk keeps the shared-database password only in the system&apos;s secure keyring, never in a file. Install or unlock a keyring (e.g. GNOME Keyring, KWallet, Windows Credential Manager, macOS Keychain) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="117"/>
        <source>Check the printer (paper, power, queue) or save the slip as a PDF instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="120"/>
        <source>The record has been reloaded. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="148"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="150"/>
        <source>StaffDesk hit an unexpected problem and did not finish this action. Nothing was saved half-way. The details are in the log file; please tell the help desk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
