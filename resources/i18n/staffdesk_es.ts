<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AccessForm</name>
    <message>
        <location filename="../../forms/access_form.ui" line="9"/>
        <source>Copy the Parent Access Form in its order. Fields come prefilled from the roster; change them to what the parent wrote.</source>
        <translation>Copie el formulario de acceso en su orden. Los campos vienen de la lista escolar; cámbielos a lo que escribió el padre o madre.</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="18"/>
        <location filename="../../forms/access_form.ui" line="24"/>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="24"/>
        <source>The student&apos;s school, from the roster</source>
        <translation>La escuela del estudiante, según la lista escolar</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="29"/>
        <source>Student &amp;Permanent ID</source>
        <translation>&amp;ID permanente</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="35"/>
        <source>Student Permanent ID</source>
        <translation>ID permanente del estudiante</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="35"/>
        <source>5 to 12 digits; type or scan</source>
        <translation>De 5 a 12 dígitos; escriba o escanee</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="40"/>
        <source>Student &amp;name</source>
        <translation>&amp;Nombre del estudiante</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="47"/>
        <source>Student first name</source>
        <translation>Nombre del estudiante</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="47"/>
        <source>First</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="50"/>
        <source>Student middle initial</source>
        <translation>Inicial del segundo nombre del estudiante</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="50"/>
        <source>MI</source>
        <translation>Inicial</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="53"/>
        <source>Student last name</source>
        <translation>Apellido del estudiante</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="53"/>
        <source>Last</source>
        <translation>Apellido</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="59"/>
        <source>Parent/&amp;guardian name</source>
        <translation>&amp;Padre/madre o tutor</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="65"/>
        <source>Parent or guardian name</source>
        <translation>Nombre del padre/madre o tutor</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="65"/>
        <source>As written on the form; compared with the student&apos;s contacts</source>
        <translation>Tal como está escrito en el formulario; se compara con los contactos del estudiante</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="70"/>
        <source>&amp;Address</source>
        <translation>&amp;Dirección</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="76"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="81"/>
        <source>&amp;Home phone</source>
        <translation>&amp;Teléfono de casa</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="87"/>
        <source>Home phone</source>
        <translation>Teléfono de casa</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="87"/>
        <source>e.g. (415) 555-0123</source>
        <translation>p. ej., (415) 555-0123</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="92"/>
        <source>&amp;Email</source>
        <translation>&amp;Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="98"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="98"/>
        <source>e.g. name@example.org</source>
        <translation>p. ej., nombre@example.org</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="103"/>
        <source>&amp;Signed on</source>
        <translation>&amp;Firmado el</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="109"/>
        <source>Date the form was signed</source>
        <translation>Fecha en que se firmó el formulario</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="111"/>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="116"/>
        <source>Slip &amp;language</source>
        <translation>Idioma de la &amp;hoja</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="122"/>
        <source>Slip language</source>
        <translation>Idioma de la hoja</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="123"/>
        <source>The language of the printed slip; by default the family&apos;s language on the roster</source>
        <translation>El idioma de la hoja impresa; por omisión, el idioma de la familia en la lista escolar</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="128"/>
        <source>Signature</source>
        <translation>Firma</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="134"/>
        <source>Signed paper form &amp;received (the parent signed it)</source>
        <translation>Formulario en papel firmado &amp;recibido (el padre o la madre lo firmó)</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="153"/>
        <source>Not on the contact list</source>
        <translation>No está en la lista de contactos</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="159"/>
        <source>What the form still needs</source>
        <translation>Lo que le falta al formulario</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="135"/>
        <source>Signed paper form received</source>
        <translation>Formulario en papel firmado recibido</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="136"/>
        <source>The parent signed the paper form (its signature line); an unsigned form cannot be recorded</source>
        <translation>El padre o la madre firmó el formulario en papel (la línea de firma); un formulario sin firma no se puede registrar</translation>
    </message>
    <message>
        <location filename="../../forms/access_form.ui" line="145"/>
        <source>Notice about this form</source>
        <translation>Aviso sobre este formulario</translation>
    </message>
</context>
<context>
    <name>AccessFormDialog</name>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="68"/>
        <source>New Parent Access Form</source>
        <translation>Nuevo formulario de acceso para padres</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="102"/>
        <source>Re&amp;cord form</source>
        <translation>Re&amp;gistrar formulario</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="104"/>
        <source>Record the form, then check the parent&apos;s ID (Enter)</source>
        <translation>Registrar el formulario y luego verificar la identificación (Intro)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="106"/>
        <source>Record form</source>
        <translation>Registrar formulario</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="189"/>
        <source>To record the form: {0}.</source>
        <translation>Para registrar el formulario: {0}.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="203"/>
        <source>Have the parent sign the paper form, then tick this box.</source>
        <translation>Pida al padre o la madre que firme el formulario en papel y luego marque esta casilla.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="247"/>
        <source>restricted</source>
        <translation>restringido</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="257"/>
        <source>&lt;b&gt;{0} is not on this student&apos;s contact list.&lt;/b&gt; At home they could not pick their name in the portal. If they are not one of these, an approver must write why before approving:&lt;ul&gt;{1}&lt;/ul&gt;</source>
        <translation>&lt;b&gt;{0} no está en la lista de contactos de este estudiante.&lt;/b&gt; En casa no podría elegir su nombre en el portal. Si no es una de estas personas, quien aprueba debe escribir el motivo antes de aprobar:&lt;ul&gt;{1}&lt;/ul&gt;</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="303"/>
        <source>Restricted contact(s) for this student: {0}. Portal access for them needs an admin override.</source>
        <translation>Contacto(s) restringido(s) de este estudiante: {0}. Para darles acceso al portal se necesita la autorización de un administrador.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="343"/>
        <source>Lost slip — new Parent Access Form</source>
        <translation>Hoja perdida — nuevo formulario de acceso para padres</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="310"/>
        <source>Lost slip: issuing this form&apos;s code revokes the old one (serial {0}).</source>
        <translation>Hoja perdida: al emitir el código de este formulario se revoca el anterior (serie {0}).</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="313"/>
        <source>Lost slip: the old code no longer works; nothing to revoke.</source>
        <translation>Hoja perdida: el código anterior ya no funciona; no hay nada que revocar.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="408"/>
        <source>Name differs from the roster</source>
        <translation>El nombre no coincide con la lista</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="409"/>
        <source>{0}.

Record the form anyway, as written by the parent?</source>
        <translation>{0}.

¿Registrar el formulario de todos modos, tal como lo escribió el padre o madre?</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="423"/>
        <source>Already requested or linked</source>
        <translation>Ya solicitado o vinculado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="424"/>
        <source>{0}.

Record the form anyway?</source>
        <translation>{0}.

¿Registrar el formulario de todos modos?</translation>
    </message>
</context>
<context>
    <name>ApprovalQueue</name>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="449"/>
        <source>All my schools</source>
        <translation>Todas mis escuelas</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="479"/>
        <source>{0} request(s)</source>
        <translation>{0} solicitud(es)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="500"/>
        <source>&lt;p&gt;Select a request to see the form and decide.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Seleccione una solicitud para ver el formulario y decidir.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="572"/>
        <source>Select a request in the list first.</source>
        <translation>Seleccione primero una solicitud en la lista.</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="10"/>
        <source>S&amp;chool</source>
        <translation>&amp;Escuela</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="16"/>
        <source>Filter by school</source>
        <translation>Filtrar por escuela</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="21"/>
        <source>S&amp;tatus</source>
        <translation>Es&amp;tado</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="27"/>
        <source>Filter by status</source>
        <translation>Filtrar por estado</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="32"/>
        <source>A&amp;ge</source>
        <translation>A&amp;ntigüedad</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="38"/>
        <source>Filter by age</source>
        <translation>Filtrar por antigüedad</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="46"/>
        <source>Number of requests</source>
        <translation>Número de solicitudes</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="51"/>
        <source>&amp;Refresh</source>
        <translation>Act&amp;ualizar</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="52"/>
        <source>Reload the queue (F5)</source>
        <translation>Volver a cargar la cola (F5)</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="53"/>
        <source>Refresh the queue</source>
        <translation>Actualizar la cola</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="63"/>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="76"/>
        <source>Request details</source>
        <translation>Detalles de la solicitud</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="84"/>
        <source>Check I&amp;D…</source>
        <translation>Verificar I&amp;D…</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="85"/>
        <source>Record the parent&apos;s photo ID (F6)</source>
        <translation>Registrar la identificación con foto del padre o madre (F6)</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="86"/>
        <source>Check ID</source>
        <translation>Verificar identificación</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="91"/>
        <source>&amp;Approve…</source>
        <translation>&amp;Aprobar…</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="92"/>
        <source>Approve the request (Ctrl+Shift+A)</source>
        <translation>Aprobar la solicitud (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="93"/>
        <source>Approve</source>
        <translation>Aprobar</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="98"/>
        <source>Re&amp;ject…</source>
        <translation>Re&amp;chazar…</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="99"/>
        <source>Reject the request with a reason (Ctrl+Shift+R)</source>
        <translation>Rechazar la solicitud con un motivo (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="100"/>
        <source>Reject</source>
        <translation>Rechazar</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="105"/>
        <source>Issue &amp;&amp; &amp;print…</source>
        <translation>Emitir e im&amp;primir…</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="106"/>
        <source>Issue the passcode and print the slip (F8)</source>
        <translation>Emitir el código e imprimir la hoja (F8)</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="107"/>
        <source>Issue and print</source>
        <translation>Emitir e imprimir</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="112"/>
        <source>Re&amp;issue…</source>
        <translation>Ree&amp;mitir…</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="113"/>
        <source>Revoke the current passcode and issue a new one (Ctrl+Shift+I)</source>
        <translation>Revocar el código actual y emitir uno nuevo (Ctrl+Shift+I)</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="114"/>
        <source>Reissue passcode</source>
        <translation>Reemitir código</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="119"/>
        <source>Re&amp;voke…</source>
        <translation>Re&amp;vocar…</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="120"/>
        <source>Revoke the active passcode with a reason</source>
        <translation>Revocar el código activo con un motivo</translation>
    </message>
    <message>
        <location filename="../../forms/queue.ui" line="121"/>
        <source>Revoke passcode</source>
        <translation>Revocar código</translation>
    </message>
</context>
<context>
    <name>ApproverBadge</name>
    <message>
        <location filename="../../staffdesk/ui/badge.py" line="43"/>
        <source>Requests waiting for your approval</source>
        <translation>Solicitudes que esperan su aprobación</translation>
    </message>
    <message numerus="yes">
        <location filename="../../staffdesk/ui/badge.py" line="87"/>
        <source>%n request(s) waiting for you</source>
        <translation>
            <numerusform>%n solicitud espera su aprobación</numerusform>
            <numerusform>%n solicitudes esperan su aprobación</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/badge.py" line="88"/>
        <source>Open the approval queue (F4)</source>
        <translation>Abrir la cola de aprobación (F4)</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="106"/>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="138"/>
        <source>Verifying the chain…</source>
        <translation>Verificando la cadena…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="145"/>
        <source>Audit chain intact: {0} events in {1} chain(s).</source>
        <translation>Cadena de auditoría intacta: {0} eventos en {1} cadena(s).</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="149"/>
        <location filename="../../staffdesk/ui/audit_view.py" line="158"/>
        <source>Audit chain</source>
        <translation>Cadena de auditoría</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="153"/>
        <source>The audit chain is broken ({0} problem(s)):</source>
        <translation>La cadena de auditoría está rota ({0} problema(s)):</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="163"/>
        <source>Export the audit trail</source>
        <translation>Exportar el registro de auditoría</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="163"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="169"/>
        <source>{0} events exported to {1}.</source>
        <translation>{0} eventos exportados a {1}.</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="10"/>
        <source>&amp;Staff</source>
        <translation>&amp;Personal</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="16"/>
        <source>Filter by staff username</source>
        <translation>Filtrar por usuario del personal</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="17"/>
        <source>username</source>
        <translation>usuario</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="23"/>
        <source>A&amp;ction</source>
        <translation>A&amp;cción</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="29"/>
        <source>Filter by action</source>
        <translation>Filtrar por acción</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="35"/>
        <source>&amp;Record id</source>
        <translation>&amp;ID del registro</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="41"/>
        <source>Filter by record id</source>
        <translation>Filtrar por ID del registro</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="47"/>
        <source>&amp;Filter</source>
        <translation>&amp;Filtrar</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="48"/>
        <source>Apply the filter</source>
        <translation>Aplicar el filtro</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="56"/>
        <source>&amp;Verify chain</source>
        <translation>&amp;Verificar cadena</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="57"/>
        <source>Recompute the audit chain to detect tampering (Ctrl+Shift+K)</source>
        <translation>Recalcular la cadena de auditoría para detectar alteraciones (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="58"/>
        <source>Verify the audit chain</source>
        <translation>Verificar la cadena de auditoría</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="63"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="64"/>
        <source>Export the whole audit trail as CSV (admin, Ctrl+E)</source>
        <translation>Exportar todo el registro de auditoría como CSV (administración, Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="65"/>
        <source>Export the audit trail as CSV</source>
        <translation>Exportar el registro de auditoría como CSV</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="72"/>
        <source>Audit events</source>
        <translation>Eventos de auditoría</translation>
    </message>
    <message>
        <location filename="../../forms/audit.ui" line="82"/>
        <source>Audit status</source>
        <translation>Estado de la auditoría</translation>
    </message>
</context>
<context>
    <name>BatchPrint</name>
    <message>
        <location filename="../../forms/batch.ui" line="9"/>
        <source>Issue a passcode for every approved request at a school that has none yet, and write all the slips to one PDF to print. All or nothing: cancelling or a failure issues no passcode.</source>
        <translation>Emite un código para cada solicitud aprobada de una escuela que aún no lo tenga y guarda todas las hojas en un solo PDF para imprimir. Todo o nada: si cancela o algo falla, no se emite ningún código.</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="15"/>
        <source>S&amp;chool</source>
        <translation>&amp;Escuela</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="16"/>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="17"/>
        <source>&amp;Grade (optional)</source>
        <translation>&amp;Grado (opcional)</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="18"/>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="18"/>
        <source>All grades</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="19"/>
        <source>Slip &amp;language</source>
        <translation>&amp;Idioma de la hoja</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="20"/>
        <source>Slip language</source>
        <translation>Idioma de la hoja</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="21"/>
        <source>Save &amp;PDF as</source>
        <translation>Guardar &amp;PDF como</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="24"/>
        <source>PDF file for the slips</source>
        <translation>Archivo PDF para las hojas</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="25"/>
        <source>&amp;Browse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="25"/>
        <source>Choose the PDF file</source>
        <translation>Elegir el archivo PDF</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="32"/>
        <source>Batch progress</source>
        <translation>Avance del lote</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="39"/>
        <source>Batch status</source>
        <translation>Estado del lote</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="46"/>
        <source>&amp;Start</source>
        <translation>&amp;Comenzar</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="46"/>
        <source>Start the batch</source>
        <translation>Comenzar el lote</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="47"/>
        <source>&amp;Cancel batch</source>
        <translation>Ca&amp;ncelar lote</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="47"/>
        <source>Cancel the batch</source>
        <translation>Cancelar el lote</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="48"/>
        <source>Cl&amp;ose</source>
        <translation>Ce&amp;rrar</translation>
    </message>
    <message>
        <location filename="../../forms/batch.ui" line="48"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>BatchPrintDialog</name>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="33"/>
        <source>Generating passcodes</source>
        <translation>Generando códigos</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="34"/>
        <source>Recording passcodes</source>
        <translation>Registrando códigos</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="35"/>
        <source>Drawing slips</source>
        <translation>Dibujando hojas</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="47"/>
        <source>Batch print a school&apos;s slips</source>
        <translation>Imprimir en lote las hojas de una escuela</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="62"/>
        <source>Each family&apos;s language</source>
        <translation>Idioma de cada familia</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="81"/>
        <source>Save the slips as</source>
        <translation>Guardar las hojas como</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="81"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="90"/>
        <source>Pick a school and a file for the PDF.</source>
        <translation>Elija una escuela y un archivo para el PDF.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="114"/>
        <source>Starting…</source>
        <translation>Comenzando…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="121"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="149"/>
        <source>Done: {0} passcode(s) issued for {1}; {2} page(s) written to {3}. Print that file now — the codes cannot be shown again.</source>
        <translation>Listo: {0} código(s) emitido(s) para {1}; {2} página(s) guardada(s) en {3}. Imprima ese archivo ahora: los códigos no se pueden volver a mostrar.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="154"/>
        <source>{0} slip(s) in English: no slip text ships for the family language {1}.</source>
        <translation>{0} hoja(s) en inglés: no hay textos de la hoja en el idioma de la familia {1}.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="163"/>
        <source>Cancelled: no passcode was issued and no file written.</source>
        <translation>Cancelado: no se emitió ningún código ni se guardó ningún archivo.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/batch.py" line="166"/>
        <source>Nothing was issued: </source>
        <translation>No se emitió nada: </translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="42"/>
        <source>Open: everything awaiting someone</source>
        <translation>Abiertas: todo lo pendiente</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="45"/>
        <source>Awaiting ID check</source>
        <translation>Esperan verificación de identidad</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="46"/>
        <source>Awaiting decision</source>
        <translation>Esperan decisión</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="47"/>
        <source>Approved, ready to issue</source>
        <translation>Aprobadas, listas para emitir</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="48"/>
        <source>Issued</source>
        <translation>Emitidas</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="49"/>
        <source>Rejected</source>
        <translation>Rechazadas</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="50"/>
        <source>Revoked</source>
        <translation>Revocadas</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="51"/>
        <source>Any status</source>
        <translation>Cualquier estado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="54"/>
        <source>Any age</source>
        <translation>Cualquier antigüedad</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="55"/>
        <source>Older than 1 day</source>
        <translation>Más de 1 día</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="56"/>
        <source>Older than 3 days</source>
        <translation>Más de 3 días</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="57"/>
        <source>Older than 7 days</source>
        <translation>Más de 7 días</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="58"/>
        <source>Older than 14 days</source>
        <translation>Más de 14 días</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/intake.py" line="37"/>
        <source>From the roster</source>
        <translation>Según la lista escolar</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/languages.py" line="20"/>
        <source>draft</source>
        <translation>borrador</translation>
    </message>
</context>
<context>
    <name>Codes</name>
    <message>
        <location filename="../../forms/codes.ui" line="11"/>
        <source>S&amp;chool</source>
        <translation>&amp;Escuela</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="17"/>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="24"/>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="30"/>
        <source>Which codes to list</source>
        <translation>Qué códigos listar</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="37"/>
        <source>Expiring &amp;within</source>
        <translation>Vencen &amp;dentro de</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="43"/>
        <source>Expiring within this many days</source>
        <translation>Vencen dentro de esta cantidad de días</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="44"/>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="55"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="56"/>
        <source>Refresh the dashboard</source>
        <translation>Actualizar el panel</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="67"/>
        <source>Codes by state</source>
        <translation>Códigos por estado</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="75"/>
        <source>Issued and linked per week</source>
        <translation>Emitidos y vinculados por semana</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="88"/>
        <source>Codes</source>
        <translation>Códigos</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="96"/>
        <source>What happened</source>
        <translation>Qué ocurrió</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="103"/>
        <source>Selected codes</source>
        <translation>Códigos seleccionados</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="111"/>
        <source>Re&amp;issue selected…</source>
        <translation>Ree&amp;mitir seleccionados…</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="112"/>
        <source>Reissue the selected codes</source>
        <translation>Reemitir los códigos seleccionados</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="117"/>
        <source>Re&amp;voke selected…</source>
        <translation>Re&amp;vocar seleccionados…</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="118"/>
        <source>Revoke the selected codes</source>
        <translation>Revocar los códigos seleccionados</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="123"/>
        <source>&amp;Print new slips…</source>
        <translation>&amp;Imprimir los comprobantes nuevos…</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="124"/>
        <source>Print the new slips</source>
        <translation>Imprimir los comprobantes nuevos</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="129"/>
        <source>Save new slips as P&amp;DF…</source>
        <translation>Guardar los comprobantes nuevos como P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="130"/>
        <source>Save the new slips as a PDF</source>
        <translation>Guardar los comprobantes nuevos como PDF</translation>
    </message>
    <message>
        <location filename="../../forms/codes.ui" line="135"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>CodesDashboard</name>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="46"/>
        <source>Unused</source>
        <translation>Sin usar</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="47"/>
        <source>Expiring within {0} days</source>
        <translation>Vencen dentro de {0} días</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="48"/>
        <source>Expired, never used</source>
        <translation>Vencidos sin usar</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="49"/>
        <source>Locked by the portal</source>
        <translation>Bloqueados por el portal</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="50"/>
        <source>Used (linked)</source>
        <translation>Usados (vinculados)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="198"/>
        <source>Codes dashboard</source>
        <translation>Panel de códigos</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="240"/>
        <source>Only an approver can reissue or revoke codes.</source>
        <translation>Solo quien aprueba puede reemitir o revocar códigos.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="264"/>
        <source>You have no school to show.</source>
        <translation>No tiene ninguna escuela que mostrar.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="288"/>
        <source>{0} code(s) selected</source>
        <translation>{0} código(s) seleccionado(s)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="300"/>
        <source>Reissue {0} code(s)?</source>
        <translation>¿Reemitir {0} código(s)?</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="302"/>
        <source>Serials: {0}.

Each of these codes stops working and a new code is made for its request, one slip each. Print or save the new slips next: they cannot be shown again.</source>
        <translation>Números de serie: {0}.

Cada uno de estos códigos deja de funcionar y se crea un código nuevo para su solicitud, un comprobante cada uno. Imprima o guarde después los comprobantes nuevos: no se pueden volver a mostrar.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="313"/>
        <source>Reissuing…</source>
        <translation>Reemitiendo…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="324"/>
        <source>{0} new code(s) made; the old ones (serials {1}) no longer work. Print the new slips or save them as a PDF now.</source>
        <translation>Se crearon {0} código(s) nuevo(s); los anteriores (números de serie {1}) ya no funcionan. Imprima ahora los comprobantes nuevos o guárdelos como PDF.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="339"/>
        <source>Revoke {0} code(s)</source>
        <translation>Revocar {0} código(s)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="341"/>
        <source>Serials: {0}. They stop working at once and no new code is made.
Reason (required, kept in the audit trail):</source>
        <translation>Números de serie: {0}. Dejan de funcionar de inmediato y no se crea ningún código nuevo.
Motivo (obligatorio, queda en el registro de auditoría):</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="349"/>
        <source>Reason: please write why the codes are revoked.</source>
        <translation>Motivo: escriba por qué se revocan los códigos.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="359"/>
        <source>Revoked {0} code(s): {1}.</source>
        <translation>Se revocaron {0} código(s): {1}.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="398"/>
        <source>(the system&apos;s default printer)</source>
        <translation>(la impresora predeterminada del sistema)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="399"/>
        <source>Sent to the printer {0}.</source>
        <translation>Enviado a la impresora {0}.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="412"/>
        <source>Saved to {0}. It holds passcodes: delete it once printed.</source>
        <translation>Guardado en {0}. Contiene códigos de acceso: bórrelo una vez impreso.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="434"/>
        <source>New slips not printed</source>
        <translation>Comprobantes nuevos sin imprimir</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="436"/>
        <source>The new slips were neither printed nor saved. Their codes cannot be shown again: the families would need another reissue. Close anyway?</source>
        <translation>Los comprobantes nuevos no se imprimieron ni se guardaron. Sus códigos no se pueden volver a mostrar: las familias necesitarían otra reemisión. ¿Cerrar de todos modos?</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="56"/>
        <location filename="../../staffdesk/ui/admin.py" line="181"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="69"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="97"/>
        <source>Serial</source>
        <translation>Número de serie</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="98"/>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="99"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="70"/>
        <location filename="../../staffdesk/ui/queue.py" line="72"/>
        <source>Permanent ID</source>
        <translation>ID permanente</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="101"/>
        <source>Issued</source>
        <translation>Emitido</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="102"/>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="103"/>
        <source>Failed tries</source>
        <translation>Intentos fallidos</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="104"/>
        <source>Used</source>
        <translation>Usado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="105"/>
        <source>Issued by</source>
        <translation>Emitido por</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="71"/>
        <location filename="../../staffdesk/ui/queue.py" line="70"/>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="72"/>
        <source>Grade</source>
        <translation>Grado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="84"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="85"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="110"/>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="88"/>
        <source>Relationship</source>
        <translation>Parentesco</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="91"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="93"/>
        <source>Portal access</source>
        <translation>Acceso al portal</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="111"/>
        <source>Account</source>
        <translation>Cuenta</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="60"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="112"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="121"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="122"/>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="59"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="123"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="124"/>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="66"/>
        <location filename="../../staffdesk/ui/frontdesk.py" line="125"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="69"/>
        <source>Recorded</source>
        <translation>Registrada</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="71"/>
        <source>Student (as written)</source>
        <translation>Estudiante (escrito)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="100"/>
        <location filename="../../staffdesk/ui/queue.py" line="73"/>
        <source>Parent/guardian</source>
        <translation>Padre/madre o tutor</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="75"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="77"/>
        <source>ID verified by</source>
        <translation>Verificó</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="61"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="62"/>
        <source>Workstation</source>
        <translation>Estación</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="63"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="64"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/audit_view.py" line="65"/>
        <source>Record id</source>
        <translation>ID del registro</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="55"/>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="57"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="58"/>
        <source>Schools</source>
        <translation>Escuelas</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="180"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="182"/>
        <source>Students on the roster</source>
        <translation>Estudiantes en la lista</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <location filename="../../staffdesk/ui/counter.py" line="86"/>
        <source>Approved by {0} at this desk. Issue the passcode and print the slip.</source>
        <translation>Aprobada por {0} en este mostrador. Emita el código e imprima la hoja.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/counter.py" line="103"/>
        <source>All my schools</source>
        <translation>Todas mis escuelas</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/counter.py" line="109"/>
        <source>Switch school</source>
        <translation>Cambiar de escuela</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/counter.py" line="110"/>
        <source>School you are working at:</source>
        <translation>Escuela en la que trabaja:</translation>
    </message>
</context>
<context>
    <name>Countersign</name>
    <message>
        <location filename="../../forms/countersign.ui" line="9"/>
        <source>An approver approves here, at this desk, with their own username and password. Nobody is signed out; the decision is recorded as the approver&apos;s, from this workstation.</source>
        <translation>Quien aprueba lo hace aquí, en este mostrador, con su propio usuario y contraseña. Nadie cierra sesión; la decisión queda registrada como suya, desde esta estación de trabajo.</translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="28"/>
        <source>The request being approved</source>
        <translation>La solicitud que se aprueba</translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="40"/>
        <source>Rules that apply</source>
        <translation>Reglas que se aplican</translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="45"/>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="52"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="61"/>
        <source>Approver&apos;s &amp;username</source>
        <translation>&amp;Usuario de quien aprueba</translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="67"/>
        <source>Approver&apos;s username</source>
        <translation>Usuario de quien aprueba</translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="68"/>
        <source>The approver types their own username (not the clerk&apos;s)</source>
        <translation>Quien aprueba escribe su propio usuario (no el del empleado de oficina)</translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="73"/>
        <source>Approver&apos;s pass&amp;word</source>
        <translation>&amp;Contraseña de quien aprueba</translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="80"/>
        <source>Approver&apos;s password</source>
        <translation>Contraseña de quien aprueba</translation>
    </message>
    <message>
        <location filename="../../forms/countersign.ui" line="88"/>
        <source>Problem with this approval</source>
        <translation>Problema con esta aprobación</translation>
    </message>
</context>
<context>
    <name>CountersignDialog</name>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="51"/>
        <source>Approve at this desk (countersign)</source>
        <translation>Aprobar en este mostrador (refrendo)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="85"/>
        <source>&lt;b&gt;Two-person rule:&lt;/b&gt; {0} checked the ID, so someone else approves.</source>
        <translation>&lt;b&gt;Regla de dos personas:&lt;/b&gt; {0} revisó la identificación, así que aprueba otra persona.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="86"/>
        <source>nobody yet</source>
        <translation>nadie todavía</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="91"/>
        <source>&lt;b&gt;Restricted contact:&lt;/b&gt; {0} is flagged (court order or custody note). Only an admin can approve, with a written override reason.</source>
        <translation>&lt;b&gt;Contacto restringido:&lt;/b&gt; {0} está marcado (orden judicial o nota de custodia). Solo un administrador puede aprobar, con un motivo de excepción por escrito.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="96"/>
        <source>Admin &amp;override reason (required, kept)</source>
        <translation>Motivo de &amp;excepción del administrador (obligatorio, se guarda)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="100"/>
        <source>&lt;b&gt;Possible restricted contact:&lt;/b&gt; the name is close to {0}, who is flagged. Approve only if you are sure they are different people.</source>
        <translation>&lt;b&gt;Posible contacto restringido:&lt;/b&gt; el nombre se parece al de {0}, que está marcado. Apruebe solo si está seguro de que son personas distintas.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="105"/>
        <source>&amp;Why they are different people (required, kept)</source>
        <translation>&amp;Por qué son personas distintas (obligatorio, se guarda)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="107"/>
        <source>nobody</source>
        <translation>nadie</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="110"/>
        <source>&lt;b&gt;Not on the contact list:&lt;/b&gt; {0} is not one of the student&apos;s contacts ({1}). At home they could not pick their name in the portal.</source>
        <translation>&lt;b&gt;No está en la lista de contactos:&lt;/b&gt; {0} no es uno de los contactos del estudiante ({1}). En casa no podría elegir su nombre en el portal.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="116"/>
        <source>&amp;Why approve someone not on the contact list (required, kept)</source>
        <translation>&amp;Por qué aprobar a alguien que no está en la lista de contactos (obligatorio, se guarda)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="63"/>
        <source>&amp;Approve</source>
        <translation>&amp;Aprobar</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="64"/>
        <source>Approve as the approver named above</source>
        <translation>Aprobar como la persona indicada arriba</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="144"/>
        <source>Reason: please write why (it is kept with the decision).</source>
        <translation>Motivo: escriba por qué (se guarda con la decisión).</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="148"/>
        <source>Approver&apos;s username: the approver types their own username.</source>
        <translation>Usuario de quien aprueba: quien aprueba escribe su propio usuario.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="152"/>
        <source>Approver&apos;s password: the approver types their password.</source>
        <translation>Contraseña de quien aprueba: quien aprueba escribe su contraseña.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="158"/>
        <source>{0} checked this parent&apos;s ID: another approver must approve.</source>
        <translation>{0} revisó la identificación de este padre o madre: debe aprobar otra persona.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="180"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="195"/>
        <source>Too many failed sign-ins: approving here is paused. Try again in {0} minutes.</source>
        <translation>Demasiados inicios de sesión fallidos: la aprobación aquí está en pausa. Vuelva a intentarlo en {0} minutos.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/countersign.py" line="202"/>
        <source>Wrong username or password (or the account is disabled). Nothing was approved; the desk stays signed in as {0}.</source>
        <translation>Usuario o contraseña incorrectos (o la cuenta está desactivada). No se aprobó nada; el mostrador sigue con la sesión de {0}.</translation>
    </message>
</context>
<context>
    <name>Decision</name>
    <message>
        <location filename="../../forms/decision.ui" line="11"/>
        <source>The request being decided</source>
        <translation>La solicitud que se está decidiendo</translation>
    </message>
    <message>
        <location filename="../../forms/decision.ui" line="18"/>
        <source>Rules that apply</source>
        <translation>Reglas que se aplican</translation>
    </message>
    <message>
        <location filename="../../forms/decision.ui" line="23"/>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <location filename="../../forms/decision.ui" line="29"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../forms/decision.ui" line="37"/>
        <source>Problem with this decision</source>
        <translation>Problema con esta decisión</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="239"/>
        <source>Approve request</source>
        <translation>Aprobar solicitud</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="240"/>
        <source>Reject request</source>
        <translation>Rechazar solicitud</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="241"/>
        <source>Revoke passcode</source>
        <translation>Revocar código</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="286"/>
        <source>&lt;b&gt;Two-person rule is on:&lt;/b&gt; the person who checked the ID ({0}) cannot also approve.</source>
        <translation>&lt;b&gt;La regla de dos personas está activa:&lt;/b&gt; quien verificó la identificación ({0}) no puede aprobarla también.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="288"/>
        <source>nobody yet</source>
        <translation>nadie todavía</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="292"/>
        <source>You checked this parent&apos;s ID, so another approver must approve it.</source>
        <translation>Usted verificó la identificación de este padre o madre; otro aprobador debe aprobar la solicitud.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="297"/>
        <source>&lt;b&gt;Restricted contact:&lt;/b&gt; {0} is flagged (court order or custody note). Approval is blocked unless an admin overrides it with a written reason.</source>
        <translation>&lt;b&gt;Contacto restringido:&lt;/b&gt; {0} tiene una alerta (orden judicial o nota de custodia). La aprobación está bloqueada salvo que un administrador la autorice con un motivo por escrito.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="305"/>
        <source>Admin &amp;override reason (required, kept in the audit trail)</source>
        <translation>Motivo de la &amp;autorización del administrador (obligatorio, queda en el registro de auditoría)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="308"/>
        <source>Only an admin can override a restricted-contact block.</source>
        <translation>Solo un administrador puede autorizar a un contacto restringido.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="312"/>
        <source>&lt;b&gt;Possible restricted contact:&lt;/b&gt; the parent/guardian&apos;s name is close to {0}, who is flagged (court order or custody note). Approve only if you are sure they are different people.</source>
        <translation>&lt;b&gt;Posible contacto restringido:&lt;/b&gt; el nombre del padre, madre o tutor se parece a {0}, que está marcado (orden judicial o nota de custodia). Apruebe solo si está seguro de que son personas distintas.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="319"/>
        <source>&amp;Why they are different people (required, kept in the audit trail)</source>
        <translation>&amp;Por qué son personas distintas (obligatorio, queda en el registro de auditoría)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="324"/>
        <source>The parent/guardian is not on the student&apos;s contact list; check before approving.</source>
        <translation>El padre/madre o tutor no está en la lista de contactos del estudiante; verifíquelo antes de aprobar.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="331"/>
        <source>&amp;Why approve someone not on the contact list (required, kept)</source>
        <translation>&amp;Por qué aprobar a alguien que no está en la lista de contactos (obligatorio, se guarda)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="334"/>
        <source>&amp;Reason for rejecting (the office keeps it)</source>
        <translation>&amp;Motivo del rechazo (la oficina lo conserva)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="336"/>
        <source>&amp;Reason for revoking (e.g. slip lost)</source>
        <translation>&amp;Motivo de la revocación (p. ej., hoja perdida)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="352"/>
        <source>Reason: please write why.</source>
        <translation>Motivo: escriba por qué.</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <location filename="../../staffdesk/ui/app.py" line="110"/>
        <source>This database has no staff accounts yet. Create the first admin with:
staffdesk staff add admin --role admin</source>
        <translation>Esta base de datos aún no tiene cuentas del personal. Cree el primer administrador con:
staffdesk staff add admin --role admin</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/app.py" line="102"/>
        <source>Taking this desk&apos;s staff accounts from the shared database…</source>
        <translation>Tomando las cuentas del personal de este puesto de la base de datos compartida…</translation>
    </message>
</context>
<context>
    <name>Discard</name>
    <message>
        <location filename="../../staffdesk/ui/discard.py" line="18"/>
        <source>Discard what you typed?</source>
        <translation>¿Descartar lo que escribió?</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/discard.py" line="19"/>
        <source>What you typed here is not recorded yet. Close and lose it?</source>
        <translation>Lo que escribió aquí todavía no está registrado. ¿Cerrar y perderlo?</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <location filename="../../staffdesk/ui/base.py" line="202"/>
        <source>Problem: {0}</source>
        <translation>Problema: {0}</translation>
    </message>
</context>
<context>
    <name>FrontDesk</name>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="51"/>
        <source>RESTRICTED</source>
        <translation>RESTRINGIDO</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="54"/>
        <source>Linked: {0} ({1})</source>
        <translation>Vinculado: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="57"/>
        <source>Allowed, not linked</source>
        <translation>Permitido, sin vincular</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="106"/>
        <source>(has not picked a name)</source>
        <translation>(aún no eligió su nombre)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="266"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="273"/>
        <source>No student matches.</source>
        <translation>Ningún estudiante coincide.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="275"/>
        <source>{0}+ students — scroll for more</source>
        <translation>{0}+ estudiantes — desplácese para ver más</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="277"/>
        <source>{0} student(s)</source>
        <translation>{0} estudiante(s)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="331"/>
        <source>Not found</source>
        <translation>No se encontró</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="346"/>
        <source>&lt;b&gt;{school}&lt;/b&gt; ({code}) · Grade &lt;b&gt;{grade}&lt;/b&gt; · Permanent ID &lt;b&gt;{pid}&lt;/b&gt;&lt;br&gt;Phone on record: &lt;b&gt;{phone}&lt;/b&gt; · Family language: {lang}</source>
        <translation>&lt;b&gt;{school}&lt;/b&gt; ({code}) · Grado &lt;b&gt;{grade}&lt;/b&gt; · ID permanente &lt;b&gt;{pid}&lt;/b&gt;&lt;br&gt;Teléfono registrado: &lt;b&gt;{phone}&lt;/b&gt; · Idioma de la familia: {lang}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="360"/>
        <source>{0} restricted contact(s): no portal access for them without an admin override.</source>
        <translation>{0} contacto(s) restringido(s): sin acceso al portal salvo que un administrador lo autorice.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/frontdesk.py" line="378"/>
        <location filename="../../forms/frontdesk.ui" line="67"/>
        <source>No student selected</source>
        <translation>Ningún estudiante seleccionado</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="17"/>
        <source>Permanent &amp;ID</source>
        <translation>&amp;ID permanente</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="23"/>
        <source>Student Permanent ID</source>
        <translation>ID permanente del estudiante</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="24"/>
        <source>Type or scan, then Enter</source>
        <translation>Escriba o escanee, luego Intro</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="25"/>
        <source>Type the Student Permanent ID or scan the barcode, then press Enter (Ctrl+I)</source>
        <translation>Escriba el ID permanente del estudiante o escanee el código de barras y luego presione Intro (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="31"/>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="37"/>
        <source>Search students by name</source>
        <translation>Buscar estudiantes por nombre</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="38"/>
        <source>Last name, first name…</source>
        <translation>Apellido, nombre…</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="39"/>
        <source>Search the roster as you type: last name first (Ctrl+F)</source>
        <translation>Busca en la lista escolar mientras escribe: primero el apellido (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="47"/>
        <source>Matching students</source>
        <translation>Estudiantes que coinciden</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="57"/>
        <source>Search status</source>
        <translation>Estado de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="68"/>
        <source>Student name</source>
        <translation>Nombre del estudiante</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="74"/>
        <source>Scan a Permanent ID or search by name to open a student&apos;s card.</source>
        <translation>Escanee un ID permanente o busque por nombre para abrir la ficha del estudiante.</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="76"/>
        <source>School, grade and phone on record</source>
        <translation>Escuela, grado y teléfono registrado</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="89"/>
        <source>Contacts (emergency order)</source>
        <translation>Contactos (orden de emergencia)</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="94"/>
        <source>Student contacts</source>
        <translation>Contactos del estudiante</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="107"/>
        <source>Portal links: accounts linked to this student</source>
        <translation>Vínculos del portal: cuentas vinculadas a este estudiante</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="112"/>
        <source>Portal links</source>
        <translation>Vínculos del portal</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="125"/>
        <source>History: requests and passcodes</source>
        <translation>Historial: solicitudes y códigos</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="130"/>
        <source>Student history</source>
        <translation>Historial del estudiante</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="145"/>
        <source>New access &amp;form…</source>
        <translation>Nuevo &amp;formulario de acceso…</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="146"/>
        <source>Record a Parent Access Form for this student (F2)</source>
        <translation>Registrar un formulario de acceso para padres de este estudiante (F2)</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="147"/>
        <source>New access form</source>
        <translation>Nuevo formulario de acceso</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="152"/>
        <source>Check I&amp;D…</source>
        <translation>Verificar I&amp;D…</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="153"/>
        <source>Record the parent&apos;s photo ID for the selected request (F6)</source>
        <translation>Registrar la identificación con foto del padre o madre para la solicitud seleccionada (F6)</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="154"/>
        <source>Check ID</source>
        <translation>Verificar identificación</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="159"/>
        <source>Appro&amp;ve here…</source>
        <translation>Apro&amp;bar aquí…</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="160"/>
        <source>Approve the checked request at this desk: an approver types their own username and password, nobody signs out (Ctrl+Shift+A)</source>
        <translation>Aprobar la solicitud verificada en este mostrador: un aprobador escribe su propio usuario y contraseña, nadie cierra sesión (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="161"/>
        <source>Approve here</source>
        <translation>Aprobar aquí</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="166"/>
        <source>Issue &amp;&amp; &amp;print…</source>
        <translation>Emitir e im&amp;primir…</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="167"/>
        <source>Issue the passcode and print the slip for the selected approved request (F8)</source>
        <translation>Emitir el código e imprimir la hoja de la solicitud aprobada seleccionada (F8)</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="168"/>
        <source>Issue and print</source>
        <translation>Emitir e imprimir</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="173"/>
        <source>&amp;Lost slip…</source>
        <translation>Hoja &amp;perdida…</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="174"/>
        <source>Start a new form prefilled from the last one, for a parent who lost the slip; issuing it revokes the old code (F7)</source>
        <translation>Iniciar un formulario nuevo con los datos del anterior, para un padre que perdió la hoja; al emitirlo se revoca el código anterior (F7)</translation>
    </message>
    <message>
        <location filename="../../forms/frontdesk.ui" line="175"/>
        <source>Lost slip</source>
        <translation>Hoja perdida</translation>
    </message>
</context>
<context>
    <name>IdentityCheck</name>
    <message>
        <location filename="../../forms/identity_check.ui" line="10"/>
        <source>Whose ID is being checked</source>
        <translation>De quién se está verificando la identificación</translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="15"/>
        <source>How was the parent verified?</source>
        <translation>¿Cómo se verificó al padre o madre?</translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="20"/>
        <source>Nothing is chosen yet: pick the document you looked at (Space on it, or Alt and its underlined letter).</source>
        <translation>Todavía no hay nada elegido: marque el documento que revisó (Espacio sobre él, o Alt y su letra subrayada).</translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="22"/>
        <source>Which document</source>
        <translation>Qué documento</translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="32"/>
        <source>D&amp;escription</source>
        <translation>D&amp;escripción</translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="38"/>
        <source>ID description</source>
        <translation>Descripción de la identificación</translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="39"/>
        <source>Required for other ID, e.g. consular ID</source>
        <translation>Obligatoria si es otra, p. ej., matrícula consular</translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="44"/>
        <source>&amp;Last four (optional)</source>
        <translation>Últimos c&amp;uatro (opcional)</translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="50"/>
        <source>Last four characters of the document number</source>
        <translation>Últimos cuatro caracteres del número del documento</translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="51"/>
        <source>At most the last 4 letters or digits — never the full document number</source>
        <translation>Como máximo las últimas 4 letras o dígitos; nunca el número completo del documento</translation>
    </message>
    <message>
        <location filename="../../forms/identity_check.ui" line="58"/>
        <location filename="../../forms/identity_check.ui" line="63"/>
        <source>Verified by</source>
        <translation>Verificado por</translation>
    </message>
</context>
<context>
    <name>IdentityCheckDialog</name>
    <message>
        <location filename="../../staffdesk/ui/idcheck.py" line="80"/>
        <source>Identity check</source>
        <translation>Verificación de identidad</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/idcheck.py" line="123"/>
        <source>&lt;b&gt;{guardian}&lt;/b&gt; for &lt;b&gt;{student}&lt;/b&gt; (Permanent ID {pid}, {school}).&lt;br&gt;Look at the photo ID and make sure it matches the person at the counter.</source>
        <translation>&lt;b&gt;{guardian}&lt;/b&gt; para &lt;b&gt;{student}&lt;/b&gt; (ID permanente {pid}, {school}).&lt;br&gt;Revise la identificación con foto y confirme que coincide con la persona en el mostrador.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/idcheck.py" line="103"/>
        <source>&amp;Verify ID</source>
        <translation>&amp;Verificar identificación</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/idcheck.py" line="104"/>
        <source>Verify ID</source>
        <translation>Verificar identificación</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/idcheck.py" line="105"/>
        <source>Record the identity check (Enter)</source>
        <translation>Registrar la verificación de identidad (Intro)</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="110"/>
        <source>An approver must acknowledge this possible match with a written reason before the code can be issued: ask an approver to issue it.</source>
        <translation>Quien apruebe debe reconocer esta posible coincidencia con un motivo escrito antes de emitir el código: pida a un aprobador que lo emita.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="120"/>
        <source>Issue anyway only if you are sure they are different people. Why are they (required, kept in the audit trail)?</source>
        <translation>Emita de todos modos solo si está seguro de que son personas distintas. ¿Por qué lo son? (obligatorio, queda en el registro de auditoría)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="133"/>
        <source>Reason: please write why.</source>
        <translation>Motivo: escriba por qué.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="147"/>
        <source>Reissue passcode</source>
        <translation>Reemitir código</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="147"/>
        <source>Issue passcode and print</source>
        <translation>Emitir código e imprimir</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="168"/>
        <source>Family&apos;s language</source>
        <translation>Idioma de la familia</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="172"/>
        <source>&amp;Reissue passcode</source>
        <translation>&amp;Reemitir código</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="198"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; — Permanent ID {1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; — ID permanente {1}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="200"/>
        <source>status: {0}</source>
        <translation>estado: {0}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="201"/>
        <source>Parent/guardian: {0}</source>
        <translation>Padre/madre o tutor: {0}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="207"/>
        <source>Reissuing revokes the active passcode (serial {0}).</source>
        <translation>Al reemitir se revoca el código activo (n.º de serie {0}).</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="224"/>
        <source>Add {0} to the family slip</source>
        <translation>Agregar a {0} a la hoja familiar</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="249"/>
        <source>Issuing…</source>
        <translation>Emitiendo…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="267"/>
        <source>Not issued: the possible match is not acknowledged.</source>
        <translation>No emitido: la posible coincidencia no está reconocida.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="279"/>
        <source>Passcode issued for {0} student(s). Print the slip or save it as a PDF now: the code cannot be shown again.</source>
        <translation>Código emitido para {0} estudiante(s). Imprima la hoja o guárdela como PDF ahora: el código no se puede volver a mostrar.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="284"/>
        <source>Pending sync: the portal accepts this code once this workstation has synced.</source>
        <translation>Sincronización pendiente: el portal aceptará este código cuando esta estación se haya sincronizado.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="288"/>
        <source>The old code (serial {0}) was revoked: it no longer works in the portal.</source>
        <translation>El código anterior (serie {0}) fue revocado: ya no funciona en el portal.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="292"/>
        <source>The slip is in English: no slip text ships for the family&apos;s language {0}.</source>
        <translation>La hoja está en inglés: no hay textos de la hoja en el idioma de la familia {0}.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="295"/>
        <source>Drawing the slip…</source>
        <translation>Dibujando la hoja…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="316"/>
        <source>Preview of the credential slip</source>
        <translation>Vista previa de la hoja de acceso</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="347"/>
        <source>The slip could not be drawn.</source>
        <translation>No se pudo dibujar la hoja.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="363"/>
        <source>Sending the slip to the printer…</source>
        <translation>Enviando la hoja a la impresora…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="375"/>
        <source>(the system&apos;s default printer)</source>
        <translation>(la impresora predeterminada del sistema)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="376"/>
        <source>Sent to the printer {0}.</source>
        <translation>Enviada a la impresora {0}.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="387"/>
        <source>Saved to {0}. It holds a passcode: delete it once printed.</source>
        <translation>Guardada en {0}. Contiene un código: bórrela una vez impresa.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="393"/>
        <source>Not printed.</source>
        <translation>No se imprimió.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="411"/>
        <source>Slip not printed</source>
        <translation>Hoja sin imprimir</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/issue.py" line="413"/>
        <source>The slip was neither printed nor saved. The passcode cannot be shown again: the parent would need a reissue. Close anyway?</source>
        <translation>La hoja no se imprimió ni se guardó. El código no se puede volver a mostrar: habría que reemitirlo para el padre o madre. ¿Cerrar de todos modos?</translation>
    </message>
</context>
<context>
    <name>IssuePrint</name>
    <message>
        <location filename="../../forms/issue.ui" line="13"/>
        <source>Request to issue</source>
        <translation>Solicitud por emitir</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="19"/>
        <source>Family slip: add siblings</source>
        <translation>Hoja familiar: agregar hermanos</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="20"/>
        <source>Siblings to add to a family slip</source>
        <translation>Hermanos que se pueden agregar a una hoja familiar</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="24"/>
        <source>No other approved request from this parent at this school.</source>
        <translation>No hay otra solicitud aprobada de este padre o madre en esta escuela.</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="35"/>
        <source>Slip &amp;language</source>
        <translation>&amp;Idioma de la hoja</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="41"/>
        <source>Slip language</source>
        <translation>Idioma de la hoja</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="48"/>
        <source>&amp;Issue passcode</source>
        <translation>&amp;Emitir código</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="49"/>
        <source>Generate the passcode and show the slip (Enter)</source>
        <translation>Generar el código y mostrar la hoja (Intro)</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="50"/>
        <source>Issue passcode</source>
        <translation>Emitir código</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="56"/>
        <source>Issue and print status</source>
        <translation>Estado de la emisión e impresión</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="64"/>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="65"/>
        <source>Print the slip on a printer (Ctrl+P)</source>
        <translation>Imprimir la hoja en una impresora (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="66"/>
        <source>Print the slip</source>
        <translation>Imprimir la hoja</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="71"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="72"/>
        <source>Save the slip as a PDF file (Ctrl+S)</source>
        <translation>Guardar la hoja como archivo PDF (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="73"/>
        <source>Save the slip as PDF</source>
        <translation>Guardar la hoja como PDF</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="78"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="79"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="87"/>
        <location filename="../../forms/issue.ui" line="93"/>
        <source>Slip preview</source>
        <translation>Vista previa de la hoja</translation>
    </message>
    <message>
        <location filename="../../forms/issue.ui" line="91"/>
        <source>The slip appears here once the passcode is issued.</source>
        <translation>La hoja aparece aquí cuando se emite el código.</translation>
    </message>
</context>
<context>
    <name>Kinds</name>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="36"/>
        <source>request</source>
        <translation>solicitud</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="37"/>
        <source>passcode</source>
        <translation>código</translation>
    </message>
</context>
<context>
    <name>LanguageName</name>
    <message>
        <location filename="../../staffdesk/ui/languages.py" line="26"/>
        <source>English</source>
        <translation>Español</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../forms/lock.ui" line="9"/>
        <source>StaffDesk is locked</source>
        <translation>StaffDesk está bloqueado</translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="17"/>
        <source>Why the desk is locked</source>
        <translation>Por qué está bloqueada la estación</translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="26"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="27"/>
        <source>Password to unlock</source>
        <translation>Contraseña para desbloquear</translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="33"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="34"/>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="40"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="41"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../forms/lock.ui" line="50"/>
        <source>Unlock message</source>
        <translation>Mensaje de desbloqueo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="63"/>
        <source>StaffDesk</source>
        <translation>StaffDesk</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="63"/>
        <source> — DEMO</source>
        <translation> — DEMOSTRACIÓN</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="64"/>
        <source>StaffDesk front desk</source>
        <translation>StaffDesk: recepción</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="76"/>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="90"/>
        <location filename="../../staffdesk/ui/screenshots.py" line="284"/>
        <source>Locked after {0} minutes without use.</source>
        <translation>Bloqueado tras {0} minutos sin uso.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="125"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="126"/>
        <source>&amp;New access form…</source>
        <translation>&amp;Nuevo formulario de acceso…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="127"/>
        <source>&amp;Lost slip…</source>
        <translation>Hoja &amp;perdida…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="129"/>
        <source>S&amp;witch school…</source>
        <translation>Cambiar de &amp;escuela…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="133"/>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="134"/>
        <source>Locked by {0}.</source>
        <translation>Bloqueado por {0}.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="138"/>
        <source>Sign &amp;out</source>
        <translation>&amp;Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="139"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="140"/>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="142"/>
        <source>Find student by &amp;name</source>
        <translation>Buscar estudiante por &amp;nombre</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="145"/>
        <source>Find by &amp;Permanent ID</source>
        <translation>Buscar por &amp;ID permanente</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="147"/>
        <source>&amp;Go</source>
        <translation>I&amp;r</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="148"/>
        <source>&amp;Front desk</source>
        <translation>&amp;Recepción</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="149"/>
        <source>&amp;Approval queue</source>
        <translation>Cola de &amp;aprobación</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="150"/>
        <source>A&amp;udit log</source>
        <translation>Registro de a&amp;uditoría</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="151"/>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="152"/>
        <source>&amp;Request</source>
        <translation>&amp;Solicitud</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="153"/>
        <source>Check &amp;ID…</source>
        <translation>Verificar &amp;identificación…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="157"/>
        <source>&amp;Approve…</source>
        <translation>&amp;Aprobar…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="164"/>
        <source>Re&amp;ject…</source>
        <translation>Re&amp;chazar…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="167"/>
        <source>Issue &amp;&amp; &amp;print…</source>
        <translation>Emitir e im&amp;primir…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="171"/>
        <source>Re&amp;issue passcode…</source>
        <translation>Re&amp;emitir código…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="179"/>
        <source>Re&amp;voke passcode…</source>
        <translation>Re&amp;vocar código…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="187"/>
        <source>&amp;Batch print a school&apos;s slips…</source>
        <translation>Imprimir hojas de una escuela en &amp;lote…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="191"/>
        <source>Codes &amp;dashboard…</source>
        <translation>&amp;Panel de códigos…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="193"/>
        <source>&amp;Admin</source>
        <translation>Ad&amp;ministración</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="195"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Configuración…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="198"/>
        <source>S&amp;taff accounts…</source>
        <translation>Cuentas del &amp;personal…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="201"/>
        <source>Sc&amp;hools…</source>
        <translation>&amp;Escuelas…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="203"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="204"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="209"/>
        <source>Signed-in staff member</source>
        <translation>Miembro del personal con sesión iniciada</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="210"/>
        <location filename="../../staffdesk/ui/sync_status.py" line="75"/>
        <source>Standalone</source>
        <translation>Independiente</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="211"/>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="213"/>
        <source>Working indicator</source>
        <translation>Indicador de actividad</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="218"/>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="269"/>
        <source>all my schools</source>
        <translation>todas mis escuelas</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="326"/>
        <location filename="../../staffdesk/ui/main_window.py" line="335"/>
        <location filename="../../staffdesk/ui/sync_status.py" line="76"/>
        <source>Offline</source>
        <translation>Sin conexión</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="352"/>
        <source>{0}, enter your password to continue.</source>
        <translation>{0}, escriba su contraseña para continuar.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="395"/>
        <source>Wrong password.</source>
        <translation>Contraseña incorrecta.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="403"/>
        <source>Signed in for {0} hours: please confirm it is still you.</source>
        <translation>Sesión iniciada hace {0} horas: confirme que sigue siendo usted.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="479"/>
        <source>Form recorded. Now check the parent&apos;s ID.</source>
        <translation>Formulario registrado. Ahora verifique la identificación.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="507"/>
        <source>ID check recorded for {0}. Next: approval here (Ctrl+Shift+A) or in the queue (F4).</source>
        <translation>Identificación registrada para {0}. Siguiente: aprobación aquí (Ctrl+Shift+A) o en la cola (F4).</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/main_window.py" line="584"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="72"/>
        <source>Shared database (direct)</source>
        <translation>Base de datos compartida (directa)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="76"/>
        <source>Online</source>
        <translation>En línea</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="77"/>
        <source>{0} waiting</source>
        <translation>{0} pendiente(s)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="80"/>
        <source>last sync {0}</source>
        <translation>última sincronización {0}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="82"/>
        <source>never synced</source>
        <translation>nunca sincronizado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="86"/>
        <source>{0} conflict(s)</source>
        <translation>{0} conflicto(s)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="84"/>
        <source>{0} need an admin</source>
        <translation>{0} requieren un administrador</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="88"/>
        <source>restored from a backup: run sync --new-segment</source>
        <translation>restaurado de una copia de seguridad: ejecute sync --new-segment</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="90"/>
        <source>another desk has this desk&apos;s name</source>
        <translation>otro puesto usa el nombre de este puesto</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="92"/>
        <source>admin login refused</source>
        <translation>inicio de sesión de administrador rechazado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="96"/>
        <source>checkpoint #{0} verified {1}</source>
        <translation>punto de control n.º {0} verificado {1}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/sync_status.py" line="102"/>
        <source>Audit chain {0} anchored on the shared database up to event {1}</source>
        <translation>Cadena de auditoría {0} anclada en la base de datos compartida hasta el evento {1}</translation>
    </message>
</context>
<context>
    <name>PasscodeStates</name>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="29"/>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="30"/>
        <source>used</source>
        <translation>usado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="31"/>
        <source>expired</source>
        <translation>vencido</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="32"/>
        <source>revoked</source>
        <translation>revocado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="33"/>
        <source>locked</source>
        <translation>bloqueado</translation>
    </message>
</context>
<context>
    <name>RequestDetail</name>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="92"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="93"/>
        <source>&lt;b&gt;{0}&lt;/b&gt; (version {1})</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; (versión {1})</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="97"/>
        <source>School</source>
        <translation>Escuela</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="99"/>
        <source>Student</source>
        <translation>Estudiante</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="100"/>
        <source>{0} — Permanent ID {1}</source>
        <translation>{0} — ID permanente {1}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="108"/>
        <source>Name on form</source>
        <translation>Nombre en el formulario</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="110"/>
        <source>(differs from the roster; confirmed)</source>
        <translation>(distinto de la lista escolar; confirmado)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="118"/>
        <source>RESTRICTED CONTACT</source>
        <translation>CONTACTO RESTRINGIDO</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="124"/>
        <source>(not on the contact list)</source>
        <translation>(no está en la lista de contactos)</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="127"/>
        <source>Parent/guardian</source>
        <translation>Padre/madre o tutor</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="131"/>
        <source>Contact list</source>
        <translation>Lista de contactos</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="144"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="145"/>
        <source>Home phone</source>
        <translation>Teléfono de casa</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="146"/>
        <source>Email</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="147"/>
        <source>Signed on</source>
        <translation>Firmado el</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="149"/>
        <source>Recorded</source>
        <translation>Registrada</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="150"/>
        <source>{0} by {1}</source>
        <translation>{0} por {1}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="161"/>
        <source>, ends …{0}</source>
        <translation>, termina en …{0}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="164"/>
        <source>ID checked</source>
        <translation>Identificación</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="165"/>
        <source>{0} — by {1}, {2}</source>
        <translation>{0} — por {1}, {2}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="172"/>
        <source>{0} by {1}, {2}</source>
        <translation>{0} por {1}, {2}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="178"/>
        <source> (override: {0})</source>
        <translation> (autorización: {0})</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="180"/>
        <source>, at workstation {0}</source>
        <translation>, en la estación {0}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="181"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="185"/>
        <source>Not on the contact list</source>
        <translation>No está en la lista de contactos</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="186"/>
        <source>approved because: {0}</source>
        <translation>aprobado porque: {0}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="194"/>
        <source>, used {0}</source>
        <translation>, usado {0}</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="200"/>
        <source>Passcode</source>
        <translation>Código</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/queue.py" line="201"/>
        <source>{0}: &lt;b&gt;{1}&lt;/b&gt;, expires {2}</source>
        <translation>{0}: &lt;b&gt;{1}&lt;/b&gt;, vence {2}</translation>
    </message>
</context>
<context>
    <name>RequestStates</name>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="21"/>
        <source>recorded</source>
        <translation>registrada</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="22"/>
        <source>verified</source>
        <translation>verificada</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="23"/>
        <source>approved</source>
        <translation>aprobada</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="24"/>
        <source>rejected</source>
        <translation>rechazada</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="25"/>
        <source>issued</source>
        <translation>emitida</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="26"/>
        <source>revoked</source>
        <translation>revocada</translation>
    </message>
</context>
<context>
    <name>SavePdf</name>
    <message>
        <location filename="../../staffdesk/ui/savepdf.py" line="19"/>
        <source>Save as PDF — the file holds a passcode: keep it private</source>
        <translation>Guardar como PDF — el archivo contiene un código de acceso: manténgalo privado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/savepdf.py" line="21"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>SchoolsDialog</name>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="174"/>
        <location filename="../../staffdesk/ui/admin.py" line="177"/>
        <source>Schools</source>
        <translation>Escuelas</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="191"/>
        <source>&amp;Rename…</source>
        <translation>Cambiar &amp;nombre…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="192"/>
        <source>Rename the school</source>
        <translation>Cambiar el nombre de la escuela</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="217"/>
        <source>Rename school</source>
        <translation>Cambiar nombre de la escuela</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="218"/>
        <source>New name for {0}:</source>
        <translation>Nuevo nombre para {0}:</translation>
    </message>
</context>
<context>
    <name>Screenshots</name>
    <message>
        <location filename="../../staffdesk/ui/screenshots.py" line="225"/>
        <source>Aunt with a custody letter; the school called the mother.</source>
        <translation>Tía con carta de custodia; la escuela llamó a la madre.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../forms/settings.ui" line="9"/>
        <source>District (all workstations; admin only)</source>
        <translation>Distrito (todas las estaciones; solo administración)</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="11"/>
        <source>District &amp;name</source>
        <translation>&amp;Nombre del distrito</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="12"/>
        <source>District name</source>
        <translation>Nombre del distrito</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="13"/>
        <source>Parent &amp;portal address</source>
        <translation>Dirección del &amp;portal para padres</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="14"/>
        <source>Parent portal address</source>
        <translation>Dirección del portal para padres</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="14"/>
        <source>https://portal.example.org</source>
        <translation>https://portal.example.org</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="15"/>
        <source>Support &amp;email</source>
        <translation>&amp;Correo de soporte</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="16"/>
        <source>Support email</source>
        <translation>Correo de soporte</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="17"/>
        <source>Default slip &amp;language</source>
        <translation>&amp;Idioma predeterminado de la hoja</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="18"/>
        <source>Default slip language</source>
        <translation>Idioma predeterminado de la hoja</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="19"/>
        <source>Passcode e&amp;xpiry (days)</source>
        <translation>&amp;Vencimiento del código (días)</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="20"/>
        <source>Passcode expiry in days</source>
        <translation>Vencimiento del código en días</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="20"/>
        <source>Policy: 1 to 30 days</source>
        <translation>Política: de 1 a 30 días</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="21"/>
        <source>&amp;Two-person rule: whoever checks the ID cannot approve</source>
        <translation>Re&amp;gla de dos personas: quien verifica no aprueba</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="21"/>
        <source>Two-person rule</source>
        <translation>Regla de dos personas</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="27"/>
        <source>This workstation</source>
        <translation>Esta estación de trabajo</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="29"/>
        <source>Lock after &amp;idle (minutes)</source>
        <translation>&amp;Bloquear tras inactividad (minutos)</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="30"/>
        <source>Lock after idle minutes</source>
        <translation>Bloquear tras minutos de inactividad</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="30"/>
        <source>Policy: at most 30 minutes</source>
        <translation>Política: 30 minutos como máximo</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="31"/>
        <source>Interface lan&amp;guage</source>
        <translation>I&amp;dioma de la interfaz</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="32"/>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="32"/>
        <source>Takes effect the next time StaffDesk starts</source>
        <translation>Se aplica la próxima vez que se inicie StaffDesk</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="38"/>
        <source>Shared database (sync)</source>
        <translation>Base de datos compartida (sincronización)</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="40"/>
        <source>&amp;Address</source>
        <translation>Di&amp;rección</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="41"/>
        <source>Shared database address</source>
        <translation>Dirección de la base de datos compartida</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="41"/>
        <source>postgresql://staffdesk@db.district.example/staffdesk</source>
        <translation>postgresql://staffdesk@db.district.example/staffdesk</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="42"/>
        <source>Pass&amp;word</source>
        <translation>Contra&amp;seña</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="43"/>
        <source>Shared database password</source>
        <translation>Contraseña de la base de datos compartida</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="43"/>
        <source>Kept in the system keyring only</source>
        <translation>Se guarda solo en el llavero del sistema</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="44"/>
        <source>Keyring status</source>
        <translation>Estado del llavero</translation>
    </message>
    <message>
        <location filename="../../forms/settings.ui" line="51"/>
        <source>Problem with the settings</source>
        <translation>Problema con la configuración</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="46"/>
        <source>Settings</source>
        <translation>Configuración</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="92"/>
        <source>Checking the system keyring…</source>
        <translation>Comprobando el llavero del sistema…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="115"/>
        <source>No secure keyring: </source>
        <translation>No hay llavero seguro: </translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="118"/>
        <source>The password cannot be saved on this computer.</source>
        <translation>La contraseña no se puede guardar en esta computadora.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="125"/>
        <source>The password is kept in the system keyring.</source>
        <translation>La contraseña se guarda en el llavero del sistema.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/settings_dialog.py" line="204"/>
        <source>enter the address first</source>
        <translation>primero escriba la dirección</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../forms/signin.ui" line="6"/>
        <source>Sign in — StaffDesk</source>
        <translation>Iniciar sesión — StaffDesk</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="11"/>
        <source>title</source>
        <translation>title</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="12"/>
        <location filename="../../forms/signin.ui" line="13"/>
        <source>StaffDesk</source>
        <translation>StaffDesk</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="18"/>
        <source>Parent portal access — front office</source>
        <translation>Acceso al portal para padres — oficina</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="27"/>
        <source>Demo accounts</source>
        <translation>Cuentas de demostración</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="34"/>
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="40"/>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="41"/>
        <source>e.g. clerk</source>
        <translation>p. ej., clerk</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="46"/>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="53"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="58"/>
        <source>S&amp;chool</source>
        <translation>&amp;Escuela</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="65"/>
        <source>School to work at</source>
        <translation>Escuela donde trabajará</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="74"/>
        <source>Sign-in message</source>
        <translation>Mensaje de inicio de sesión</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="84"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="85"/>
        <source>Quit StaffDesk</source>
        <translation>Salir de StaffDesk</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="91"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="92"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../forms/signin.ui" line="93"/>
        <source>Sign in (Enter)</source>
        <translation>Iniciar sesión (Intro)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="37"/>
        <source>Sign in — StaffDesk</source>
        <translation>Iniciar sesión — StaffDesk</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="60"/>
        <source>&lt;b&gt;Demo district&lt;/b&gt; — made-up students, nothing real. Sign in as &lt;b&gt;clerk&lt;/b&gt; (records forms, checks ID, prints slips), &lt;b&gt;approver&lt;/b&gt; or &lt;b&gt;approver2&lt;/b&gt; (approve), or &lt;b&gt;admin&lt;/b&gt;. Password for all: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation>&lt;b&gt;Distrito de demostración&lt;/b&gt;: estudiantes inventados, nada es real. Inicie sesión como &lt;b&gt;clerk&lt;/b&gt; (registra formularios, verifica identificaciones, imprime hojas), &lt;b&gt;approver&lt;/b&gt; o &lt;b&gt;approver2&lt;/b&gt; (aprueban) o &lt;b&gt;admin&lt;/b&gt;. Contraseña para todos: &lt;b&gt;{0}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="70"/>
        <source>Sign in with your district account and its password ({0}\name, or just name).</source>
        <translation>Inicie sesión con su cuenta del distrito y su contraseña ({0}\nombre, o solo el nombre).</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="93"/>
        <source>Opening the database…</source>
        <translation>Abriendo la base de datos…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="102"/>
        <source>Enter your username and password.</source>
        <translation>Escriba su usuario y contraseña.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="106"/>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="129"/>
        <source>All my schools</source>
        <translation>Todas mis escuelas</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="137"/>
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="139"/>
        <source>Welcome, {0}. Pick the school you are working at.</source>
        <translation>Bienvenido/a, {0}. Elija la escuela donde trabaja.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="153"/>
        <source>Wrong username or password, or the account is disabled.</source>
        <translation>Usuario o contraseña incorrectos, o la cuenta está desactivada.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/signin.py" line="147"/>
        <source>Too many failed sign-ins here. Try again in {0} minutes.</source>
        <translation>Demasiados intentos fallidos aquí. Vuelva a intentarlo en {0} minutos.</translation>
    </message>
</context>
<context>
    <name>StaffAdmin</name>
    <message>
        <location filename="../../forms/staff_admin.ui" line="9"/>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="20"/>
        <source>&amp;Add…</source>
        <translation>&amp;Agregar…</translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="21"/>
        <source>Add</source>
        <translation>Agregar</translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="26"/>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="27"/>
        <source>Enable or disable</source>
        <translation>Activar o desactivar</translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="35"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../forms/staff_admin.ui" line="36"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="33"/>
        <source>district-wide</source>
        <translation>todo el distrito</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="49"/>
        <location filename="../../staffdesk/ui/admin.py" line="52"/>
        <source>Staff accounts</source>
        <translation>Cuentas del personal</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="97"/>
        <source>&amp;Enable</source>
        <translation>Ac&amp;tivar</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="99"/>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
</context>
<context>
    <name>StaffEdit</name>
    <message>
        <location filename="../../forms/staff_edit.ui" line="8"/>
        <source>&amp;Username</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="9"/>
        <source>Username</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="10"/>
        <source>&amp;Display name</source>
        <translation>&amp;Nombre visible</translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="11"/>
        <source>Display name</source>
        <translation>Nombre visible</translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="12"/>
        <source>&amp;Role</source>
        <translation>&amp;Rol</translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="13"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="14"/>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="15"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="15"/>
        <source>At least 8 characters</source>
        <translation>Al menos 8 caracteres</translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="16"/>
        <source>Schools</source>
        <translation>Escuelas</translation>
    </message>
    <message>
        <location filename="../../forms/staff_edit.ui" line="19"/>
        <source>Schools this person works at</source>
        <translation>Escuelas donde trabaja esta persona</translation>
    </message>
</context>
<context>
    <name>StaffEditDialog</name>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="41"/>
        <source>clerk</source>
        <translation>auxiliar de oficina</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="42"/>
        <source>approver</source>
        <translation>aprobador</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="43"/>
        <source>admin</source>
        <translation>administrador</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/admin.py" line="120"/>
        <source>Add a staff account</source>
        <translation>Agregar una cuenta del personal</translation>
    </message>
</context>
<context>
    <name>StaffStates</name>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="46"/>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/states.py" line="47"/>
        <source>disabled</source>
        <translation>desactivada</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <location filename="../../staffdesk/ui/models.py" line="46"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
</context>
<context>
    <name>WeeklyChart</name>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="120"/>
        <source>Codes issued and linked per week</source>
        <translation>Códigos emitidos y vinculados por semana</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="129"/>
        <source>week of {0}: {1} issued, {2} linked</source>
        <translation>semana del {0}: {1} emitidos, {2} vinculados</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="147"/>
        <source>issued</source>
        <translation>emitidos</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="148"/>
        <source>linked</source>
        <translation>vinculados</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/codes.py" line="158"/>
        <source>No codes issued in the last weeks.</source>
        <translation>No se emitieron códigos en las últimas semanas.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="64"/>
        <source>Please check these entries</source>
        <translation>Revise estos datos</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="68"/>
        <source>Please check this entry</source>
        <translation>Revise este dato</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="69"/>
        <source>Sign-in refused</source>
        <translation>Inicio de sesión rechazado</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="70"/>
        <source>Not allowed</source>
        <translation>No permitido</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="71"/>
        <source>Not found</source>
        <translation>No se encontró</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="72"/>
        <source>Not possible now</source>
        <translation>No es posible ahora</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="73"/>
        <source>Changed by someone else</source>
        <translation>Otra persona lo cambió</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="74"/>
        <source>Restricted contact</source>
        <translation>Contacto restringido</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="77"/>
        <source>Possible restricted contact</source>
        <translation>Posible contacto restringido</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="81"/>
        <location filename="../../staffdesk/ui/errors.py" line="97"/>
        <source>Database not available</source>
        <translation>Base de datos no disponible</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="84"/>
        <source>No secure password storage</source>
        <translation>No hay almacenamiento seguro de contraseñas</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="88"/>
        <source>Printing failed</source>
        <translation>Falló la impresión</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="91"/>
        <source>District directory unreachable</source>
        <translation>No se puede contactar el directorio del distrito</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="123"/>
        <source>Your district password is checked by the district directory, which did not answer. Check the network and try again; if it keeps happening, call the district help desk.</source>
        <translation>Su contraseña del distrito la verifica el directorio del distrito, que no respondió. Revise la red e inténtelo de nuevo; si sigue ocurriendo, llame a la mesa de ayuda del distrito.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="101"/>
        <source>StaffDesk</source>
        <translation>StaffDesk</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="105"/>
        <source>This is the computer, its disk or the network, not what you entered. Check the network cable or Wi-Fi, then try again. Nothing was saved half-way. If it keeps happening, call the district help desk.</source>
        <translation>El problema es el equipo, su disco o la red, no lo que usted escribió. Revise el cable de red o el wifi y vuelva a intentarlo. No se guardó nada a medias. Si sigue pasando, llame a la mesa de ayuda del distrito.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="111"/>
        <source>StaffDesk keeps the shared-database password only in the system&apos;s secure keyring, never in a file. Install or unlock a keyring (e.g. GNOME Keyring, KWallet, Windows Credential Manager, macOS Keychain) and try again.</source>
        <translation>StaffDesk guarda la contraseña de la base de datos compartida solo en el llavero seguro del sistema, nunca en un archivo. Instale o desbloquee un llavero (p. ej., GNOME Keyring, KWallet, el Administrador de credenciales de Windows o el Llavero de macOS) y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="117"/>
        <source>Check the printer (paper, power, queue) or save the slip as a PDF instead.</source>
        <translation>Revise la impresora (papel, encendido, cola de impresión) o guarde la hoja como PDF.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="120"/>
        <source>The record has been reloaded. Check it and try again.</source>
        <translation>El registro se volvió a cargar. Revíselo y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="148"/>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <location filename="../../staffdesk/ui/errors.py" line="150"/>
        <source>StaffDesk hit an unexpected problem and did not finish this action. Nothing was saved half-way. The details are in the log file; please tell the help desk.</source>
        <translation>StaffDesk tuvo un problema inesperado y no terminó esta acción. No se guardó nada a medias. Los detalles están en el archivo de registro; avise a la mesa de ayuda.</translation>
    </message>
</context>
</TS>
