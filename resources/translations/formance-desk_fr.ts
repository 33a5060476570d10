<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AccountDetailDrawer</name>
    <message>
        <source>Account of ledger %1</source>
        <translation>Compte du grand livre %1</translation>
    </message>
    <message>
        <source>Metadata of %1 saved.</source>
        <translation>Métadonnées de %1 enregistrées.</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Soldes</translation>
    </message>
    <message>
        <source>No movements yet.</source>
        <translation>Aucun mouvement pour l’instant.</translation>
    </message>
    <message>
        <source>in %1 · out %2</source>
        <translation>entrées %1 · sorties %2</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>No transactions.</source>
        <translation>Aucune transaction.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Postings</source>
        <translation>Écritures</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <source>Dates look like 2024-11-13, 2024-11-13 10:20 or 2024-11-13T10:20:30Z.</source>
        <translation>Les dates s’écrivent 2024-11-13, 2024-11-13 10:20 ou 2024-11-13T10:20:30Z.</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Ledger %1</source>
        <translation>Grand livre %1</translation>
    </message>
    <message>
        <source>Address or pattern (merchants:)</source>
        <translation>Adresse ou motif (merchants:)</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>No accounts match.</source>
        <translation>Aucun compte ne correspond.</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>1 compte</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>%1 comptes</translation>
    </message>
    <message>
        <source>, scroll for more</source>
        <translation>, faites défiler pour la suite</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Soldes</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
</context>
<context>
    <name>AuthClientController</name>
    <message>
        <source>A client needs a name.</source>
        <translation>Un client doit avoir un nom.</translation>
    </message>
    <message>
        <source>No client selected.</source>
        <translation>Aucun client sélectionné.</translation>
    </message>
    <message>
        <source>The stack answered without the client.</source>
        <translation>La stack a répondu sans le client.</translation>
    </message>
    <message>
        <source>desk</source>
        <translation>desk</translation>
    </message>
    <message>
        <source>The stack answered without the secret.</source>
        <translation>La stack a répondu sans le secret.</translation>
    </message>
</context>
<context>
    <name>AuthClientDrawer</name>
    <message>
        <source>New OAuth client</source>
        <translation>Nouveau client OAuth</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>public</source>
        <translation>public</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>confidentiel</translation>
    </message>
    <message>
        <source>Client %1 created.</source>
        <translation>Client %1 créé.</translation>
    </message>
    <message>
        <source>Client %1 saved.</source>
        <translation>Client %1 enregistré.</translation>
    </message>
    <message>
        <source>Client deleted.</source>
        <translation>Client supprimé.</translation>
    </message>
    <message>
        <source>Secret deleted.</source>
        <translation>Secret supprimé.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Portées</translation>
    </message>
    <message>
        <source>Separated by spaces, e.g. ledger:read ledger:write payments:read</source>
        <translation>Séparées par des espaces, p. ex. ledger:read ledger:write payments:read</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>This profile is read-only: clients and secrets cannot be changed.</source>
        <translation>Ce profil est en lecture seule&#xa0;: les clients et les secrets ne peuvent pas être modifiés.</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>None: this client cannot get a token with client credentials.</source>
        <translation>Aucun&#xa0;: ce client ne peut pas obtenir de jeton par identifiants client.</translation>
    </message>
    <message>
        <source>…%1</source>
        <translation>…%1</translation>
    </message>
    <message>
        <source>Delete secret %1</source>
        <translation>Supprimer le secret %1</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Nom du secret</translation>
    </message>
    <message>
        <source>New secret</source>
        <translation>Nouveau secret</translation>
    </message>
    <message>
        <source>New client secret — copy it now, it is not shown again.</source>
        <translation>Nouveau secret client — copiez-le maintenant, il ne sera plus affiché.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Delete client %1?</source>
        <translation>Supprimer le client %1&#xa0;?</translation>
    </message>
    <message>
        <source>Applications using it can no longer get a token.</source>
        <translation>Les applications qui l’utilisent ne pourront plus obtenir de jeton.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete secret %1?</source>
        <translation>Supprimer le secret %1&#xa0;?</translation>
    </message>
    <message>
        <source>Whoever uses it can no longer get a token.</source>
        <translation>Qui l’utilise ne pourra plus obtenir de jeton.</translation>
    </message>
    <message>
        <source>Delete secret</source>
        <translation>Supprimer le secret</translation>
    </message>
</context>
<context>
    <name>AuthClientsModel</name>
    <message>
        <source>public</source>
        <translation>public</translation>
    </message>
    <message>
        <source>confidential</source>
        <translation>confidentiel</translation>
    </message>
</context>
<context>
    <name>AuthClientsPage</name>
    <message>
        <source>OAuth clients</source>
        <translation>Clients OAuth</translation>
    </message>
    <message>
        <source>Who may call the stack, with which scopes</source>
        <translation>Qui peut appeler la stack, et avec quelles portées</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>Nouveau client…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>No OAuth client on this stack.</source>
        <translation>Aucun client OAuth sur cette stack.</translation>
    </message>
    <message>
        <source>1 client</source>
        <translation>1 client</translation>
    </message>
    <message>
        <source>%1 clients</source>
        <translation>%1 clients</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Secrets</translation>
    </message>
    <message>
        <source>Scopes</source>
        <translation>Portées</translation>
    </message>
</context>
<context>
    <name>BalanceChart</name>
    <message>
        <source>Balance over time (%1)</source>
        <translation>Solde dans le temps (%1)</translation>
    </message>
</context>
<context>
    <name>BalancesController</name>
    <message>
        <source>Choose a ledger first.</source>
        <translation>Choisissez d’abord un grand livre.</translation>
    </message>
    <message>
        <source>Dates look like 2024-11-13, 2024-11-13 10:20 or 2024-11-13T10:20:30Z.</source>
        <translation>Les dates s’écrivent 2024-11-13, 2024-11-13 10:20 ou 2024-11-13T10:20:30Z.</translation>
    </message>
</context>
<context>
    <name>BalancesPage</name>
    <message>
        <source>Balances</source>
        <translation>Soldes</translation>
    </message>
    <message>
        <source>Ledger %1</source>
        <translation>Grand livre %1</translation>
    </message>
    <message>
        <source>Address or pattern (users:, merchants:)</source>
        <translation>Adresse ou motif (users:, merchants:)</translation>
    </message>
    <message>
        <source>As of (empty: now)</source>
        <translation>Au (vide&#xa0;: maintenant)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Totals per asset over every account matching %1%2</source>
        <translation>Totaux par actif sur tous les comptes correspondant à %1%2</translation>
    </message>
    <message>
        <source>any address</source>
        <translation>toute adresse</translation>
    </message>
    <message>
        <source>, as of %1</source>
        <translation>, au %1</translation>
    </message>
    <message>
        <source>, now</source>
        <translation>, maintenant</translation>
    </message>
    <message>
        <source>No balances at this date: nothing had moved on these accounts yet.</source>
        <translation>Aucun solde à cette date&#xa0;: rien n’avait encore bougé sur ces comptes.</translation>
    </message>
    <message>
        <source>Per account</source>
        <translation>Par compte</translation>
    </message>
    <message>
        <source>No account matches.</source>
        <translation>Aucun compte ne correspond.</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>1 compte</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>%1 comptes</translation>
    </message>
    <message>
        <source>, scroll for more</source>
        <translation>, faites défiler pour la suite</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Balances at that date</source>
        <translation>Soldes à cette date</translation>
    </message>
</context>
<context>
    <name>BankAccountController</name>
    <message>
        <source>An IBAN is two letters, two check digits and up to 30 letters or digits.</source>
        <translation>Un IBAN comporte deux lettres, deux chiffres de contrôle et jusqu’à 30 lettres ou chiffres.</translation>
    </message>
    <message>
        <source>This IBAN&apos;s check digits do not match: a character is wrong.</source>
        <translation>Les chiffres de contrôle de cet IBAN ne correspondent pas&#xa0;: un caractère est erroné.</translation>
    </message>
    <message>
        <source>4 to 34 letters, digits or dashes.</source>
        <translation>4 à 34 lettres, chiffres ou tirets.</translation>
    </message>
    <message>
        <source>Give the bank account a name.</source>
        <translation>Donnez un nom au compte bancaire.</translation>
    </message>
    <message>
        <source>The country is its two-letter code, such as FR.</source>
        <translation>Le pays s’indique par son code à deux lettres, comme FR.</translation>
    </message>
    <message>
        <source>Give an IBAN or an account number.</source>
        <translation>Indiquez un IBAN ou un numéro de compte.</translation>
    </message>
    <message>
        <source>No bank account selected.</source>
        <translation>Aucun compte bancaire sélectionné.</translation>
    </message>
    <message>
        <source>Payments cannot remove a metadata key (%1): the API only adds and changes keys.</source>
        <translation>Payments ne peut pas supprimer une clé de métadonnées (%1)&#xa0;: l’API ne fait qu’ajouter et modifier des clés.</translation>
    </message>
</context>
<context>
    <name>BankAccountsPage</name>
    <message>
        <source>%1 · created %2</source>
        <translation>%1 · créé le %2</translation>
    </message>
    <message>
        <source>Bank account forwarded.</source>
        <translation>Compte bancaire transmis.</translation>
    </message>
    <message>
        <source>Bank account metadata saved.</source>
        <translation>Métadonnées du compte bancaire enregistrées.</translation>
    </message>
    <message>
        <source>IBAN</source>
        <translation>IBAN</translation>
    </message>
    <message>
        <source>Account number</source>
        <translation>Numéro de compte</translation>
    </message>
    <message>
        <source>SWIFT / BIC</source>
        <translation>SWIFT / BIC</translation>
    </message>
    <message>
        <source>Forwarded to</source>
        <translation>Transmis à</translation>
    </message>
    <message>
        <source>Forward to a connector…</source>
        <translation>Transmettre à un connecteur…</translation>
    </message>
    <message>
        <source>No connector yet.</source>
        <translation>Aucun connecteur pour l’instant.</translation>
    </message>
    <message>
        <source>Forward %1?</source>
        <translation>Transmettre %1&#xa0;?</translation>
    </message>
    <message>
        <source>The connector creates this bank account at its provider.</source>
        <translation>Le connecteur crée ce compte bancaire chez son fournisseur.</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Transmettre</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <source>New bank account</source>
        <translation>Nouveau compte bancaire</translation>
    </message>
    <message>
        <source>Bank account created.</source>
        <translation>Compte bancaire créé.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>SWIFT or BIC</source>
        <translation>SWIFT ou BIC</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Create bank account</source>
        <translation>Créer le compte bancaire</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Bank accounts</source>
        <translation>Comptes bancaires</translation>
    </message>
    <message>
        <source>Beneficiaries kept by payments, forwarded to connectors</source>
        <translation>Bénéficiaires conservés par payments, transmis aux connecteurs</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New bank account…</source>
        <translation>Nouveau compte bancaire…</translation>
    </message>
    <message>
        <source>No bank account.</source>
        <translation>Aucun compte bancaire.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>1 bank account</source>
        <translation>1 compte bancaire</translation>
    </message>
    <message>
        <source>%1 bank accounts</source>
        <translation>%1 comptes bancaires</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
</context>
<context>
    <name>BulkController</name>
    <message>
        <source>not a JSON object: %1</source>
        <translation>pas un objet JSON&#xa0;: %1</translation>
    </message>
    <message>
        <source>expected {…}</source>
        <translation>{…} attendu</translation>
    </message>
    <message>
        <source>the header line needs the columns source, destination, amount, asset</source>
        <translation>la ligne d’en-tête doit avoir les colonnes source, destination, amount, asset</translation>
    </message>
    <message>
        <source>%1 fields where the header has %2</source>
        <translation>%1 champs alors que l’en-tête en a %2</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Ledger v2.2: each row is its own transaction with its own log. A row the ledger refuses is listed with its error; the rows before and after it are still posted (continueOnFailure). Sending again sends only the rows not posted yet, each with its idempotency key.</source>
        <translation>Grand livre v2.2&#xa0;: chaque ligne est une transaction à part, avec son propre journal. Une ligne refusée par le grand livre est listée avec son erreur&#xa0;; les lignes avant et après sont tout de même passées (continueOnFailure). Un nouvel envoi n’envoie que les lignes pas encore passées, chacune avec sa clé d’idempotence.</translation>
    </message>
    <message>
        <source>Rows are applied one by one, each on its own: a row the ledger refuses is listed with its error and the others are still applied (continueOnFailure).</source>
        <translation>Les lignes sont appliquées une par une, chacune à part&#xa0;: une ligne refusée par le grand livre est listée avec son erreur et les autres sont tout de même appliquées (continueOnFailure).</translation>
    </message>
    <message>
        <source>Ledger v2.1: rows are applied one by one, each on its own. A row the ledger refuses is listed with its error; the rows before it stay posted and the ones after it are still applied (continueOnFailure). Sending again sends only the rows not posted yet, each with its idempotency key.</source>
        <translation>Grand livre v2.1&#xa0;: les lignes sont appliquées une par une, chacune à part. Une ligne refusée par le grand livre est listée avec son erreur&#xa0;; les lignes précédentes restent passées et les suivantes sont tout de même appliquées (continueOnFailure). Un nouvel envoi n’envoie que les lignes pas encore passées, chacune avec sa clé d’idempotence.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Choose a ledger first.</source>
        <translation>Choisissez d’abord un grand livre.</translation>
    </message>
    <message>
        <source>No row to preview.</source>
        <translation>Aucune ligne à prévisualiser.</translation>
    </message>
    <message>
        <source>No row left to send.</source>
        <translation>Plus aucune ligne à envoyer.</translation>
    </message>
    <message>
        <source>not applied: an element before it failed</source>
        <translation>non appliquée&#xa0;: un élément précédent a échoué</translation>
    </message>
    <message>
        <source>an answer this app does not know</source>
        <translation>une réponse que cette application ne connaît pas</translation>
    </message>
    <message>
        <source>no posting (source, destination, amount, asset)</source>
        <translation>aucune écriture (source, destination, montant, actif)</translation>
    </message>
    <message>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <source>destination</source>
        <translation>destination</translation>
    </message>
    <message>
        <source>amount “%1” %2: %3</source>
        <translation>montant «&#xa0;%1&#xa0;» %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>timestamp “%1” should look like 2024-11-13T10:20:30Z</source>
        <translation>la date «&#xa0;%1&#xa0;» doit s’écrire comme 2024-11-13T10:20:30Z</translation>
    </message>
    <message>
        <source> (+%1 postings)</source>
        <translation> (+%1 écritures)</translation>
    </message>
</context>
<context>
    <name>BulkPage</name>
    <message>
        <source>Bulk sent: %1 posted, %2 refused.</source>
        <translation>Envoi groupé&#xa0;: %1 passées, %2 refusées.</translation>
    </message>
    <message>
        <source>Import transactions</source>
        <translation>Importer des transactions</translation>
    </message>
    <message>
        <source>CSV or JSON Lines (*.csv *.jsonl *.ndjson)</source>
        <translation>CSV ou JSON Lines (*.csv *.jsonl *.ndjson)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Bulk import</source>
        <translation>Import groupé</translation>
    </message>
    <message>
        <source>Ledger %1 · %2</source>
        <translation>Grand livre %1 · %2</translation>
    </message>
    <message>
        <source>Ledger %1</source>
        <translation>Grand livre %1</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Rows (CSV with a header line, or one JSON object a line)</source>
        <translation>Lignes (CSV avec une ligne d’en-tête, ou un objet JSON par ligne)</translation>
    </message>
    <message>
        <source>Rows to import</source>
        <translation>Lignes à importer</translation>
    </message>
    <message>
        <source>No rows yet.</source>
        <translation>Aucune ligne pour l’instant.</translation>
    </message>
    <message>
        <source>%1 rows: %2 posted, %3 refused by the ledger, %4 bad here</source>
        <translation>%1 lignes&#xa0;: %2 passées, %3 refusées par le grand livre, %4 invalides ici</translation>
    </message>
    <message>
        <source>%1 rows: %2 ready, %3 bad</source>
        <translation>%1 lignes&#xa0;: %2 prêtes, %3 invalides</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>n° %1</translation>
    </message>
    <message>
        <source>bad</source>
        <translation>invalide</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refusée</translation>
    </message>
    <message>
        <source>not applied</source>
        <translation>non appliquée</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>prête</translation>
    </message>
    <message>
        <source>Preview (dry run)</source>
        <translation>Prévisualiser (simulation)</translation>
    </message>
    <message>
        <source>Send %1 good rows</source>
        <translation>Envoyer %1 lignes valides</translation>
    </message>
    <message>
        <source>Send %1 rows</source>
        <translation>Envoyer %1 lignes</translation>
    </message>
    <message>
        <source>Preview the rows first.</source>
        <translation>Prévisualisez d’abord les lignes.</translation>
    </message>
    <message>
        <source>Asking the ledger…</source>
        <translation>Interrogation du grand livre…</translation>
    </message>
    <message>
        <source>Balances before → after: %1 would go below zero</source>
        <translation>Soldes avant → après&#xa0;: %1 passeraient sous zéro</translation>
    </message>
    <message>
        <source>Balances before → after</source>
        <translation>Soldes avant → après</translation>
    </message>
</context>
<context>
    <name>BulkRevertController</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Check the transactions to revert first.</source>
        <translation>Cochez d’abord les transactions à contrepasser.</translation>
    </message>
    <message>
        <source>already reverted</source>
        <translation>déjà contrepassée</translation>
    </message>
    <message>
        <source>reverts cleanly</source>
        <translation>se contrepasse sans découvert</translation>
    </message>
    <message>
        <source>%1 %2 → %3 %4</source>
        <translation>%1 %2 → %3 %4</translation>
    </message>
    <message>
        <source>would overdraw %1</source>
        <translation>mettrait à découvert %1</translation>
    </message>
    <message>
        <source>Preview the reverts first.</source>
        <translation>Prévisualisez d’abord les contrepassations.</translation>
    </message>
    <message>
        <source>None of the checked transactions can be reverted.</source>
        <translation>Aucune des transactions cochées ne peut être contrepassée.</translation>
    </message>
    <message>
        <source>not applied: an element before it failed</source>
        <translation>non appliquée&#xa0;: un élément précédent a échoué</translation>
    </message>
    <message>
        <source>reverted by transaction %1</source>
        <translation>contrepassée par la transaction %1</translation>
    </message>
    <message>
        <source>an answer this app does not know</source>
        <translation>une réponse que cette application ne connaît pas</translation>
    </message>
</context>
<context>
    <name>BulkRevertDialog</name>
    <message>
        <source>Revert %1?</source>
        <translation>Contrepasser %1&#xa0;?</translation>
    </message>
    <message>
        <source>1 transaction</source>
        <translation>1 transaction</translation>
    </message>
    <message>
        <source>%1 transactions</source>
        <translation>%1 transactions</translation>
    </message>
    <message>
        <source>%1 reverted, %2 refused.</source>
        <translation>%1 contrepassées, %2 refusées.</translation>
    </message>
    <message>
        <source>Each revert is a new transaction moving the amounts back; the originals stay, marked reverted.</source>
        <translation>Chaque contrepassation est une nouvelle transaction qui renvoie les montants&#xa0;; les originales restent, marquées contrepassées.</translation>
    </message>
    <message>
        <source>Revert %1</source>
        <translation>Contrepasser %1</translation>
    </message>
    <message>
        <source>Reading the balances these reverts touch…</source>
        <translation>Lecture des soldes touchés par ces contrepassations…</translation>
    </message>
    <message>
        <source>⚠ %1 would overdraw an account and %2 left out unless forced.</source>
        <translation>⚠ %1&#xa0;: un compte passerait à découvert&#xa0;; %2 sauf forçage.</translation>
    </message>
    <message>
        <source>1 revert</source>
        <translation>1 contrepassation</translation>
    </message>
    <message>
        <source>%1 reverts</source>
        <translation>%1 contrepassations</translation>
    </message>
    <message>
        <source>is</source>
        <translation>écartée</translation>
    </message>
    <message>
        <source>are</source>
        <translation>écartées</translation>
    </message>
    <message>
        <source>None of these reverts overdraws an account.</source>
        <translation>Aucune de ces contrepassations ne met un compte à découvert.</translation>
    </message>
    <message>
        <source>Transaction %1: %2</source>
        <translation>Transaction %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Force: revert those too, even if they overdraw</source>
        <translation>Forcer&#xa0;: les contrepasser aussi, même à découvert</translation>
    </message>
    <message>
        <source>Date each revert at its original&apos;s date</source>
        <translation>Dater chaque contrepassation à la date de l’originale</translation>
    </message>
</context>
<context>
    <name>BusyIndicatorRow</name>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>CallHolder</name>
    <message>
        <source>The stack answered without the expected data (HTTP %1).</source>
        <translation>La stack a répondu sans les données attendues (HTTP %1).</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Go to… or find a reference, an id, an address</source>
        <translation>Aller à… ou chercher une référence, un identifiant, une adresse</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>Aller à…</translation>
    </message>
    <message>
        <source>Go to or search</source>
        <translation>Aller à ou rechercher</translation>
    </message>
    <message>
        <source>Searching the stack…</source>
        <translation>Recherche dans la stack…</translation>
    </message>
    <message>
        <source>Nothing found on the stack.</source>
        <translation>Rien trouvé dans la stack.</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>This is production. Type %1 to confirm.</source>
        <translation>Ceci est la production. Tapez %1 pour confirmer.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ConnectionController</name>
    <message>
        <source>The trusted CA is not a PEM certificate.</source>
        <translation>L’AC de confiance n’est pas un certificat PEM.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source> The ledger service is missing.</source>
        <translation> Le service ledger est absent.</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1: %n service(s).</source>
        <translation>
            <numerusform>Connecté à %1&#xa0;: %n service.</numerusform>
            <numerusform>Connecté à %1&#xa0;: %n services.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectionsPage</name>
    <message>
        <source>  (unhealthy)</source>
        <translation>  (en mauvaise santé)</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>Connecté à</translation>
    </message>
    <message>
        <source> · read-only</source>
        <translation> · lecture seule</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Open the demo stack</source>
        <translation>Ouvrir la stack de démonstration</translation>
    </message>
    <message>
        <source>Saved stacks</source>
        <translation>Stacks enregistrées</translation>
    </message>
    <message>
        <source>No saved stacks yet.</source>
        <translation>Aucune stack enregistrée pour l’instant.</translation>
    </message>
    <message>
        <source>You are on %1. Add a stack of your own with the form.</source>
        <translation>Vous êtes sur %1. Ajoutez votre propre stack avec le formulaire.</translation>
    </message>
    <message>
        <source>Add one with the form, or explore the demo stack.</source>
        <translation>Ajoutez-en une avec le formulaire, ou explorez la stack de démonstration.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Nouveau profil</translation>
    </message>
    <message>
        <source>Edit profile</source>
        <translation>Modifier le profil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Production EU</source>
        <translation>Production UE</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>URL du serveur</translation>
    </message>
    <message>
        <source>https://stack.example.com (empty: Formance Cloud)</source>
        <translation>https://stack.example.com (vide&#xa0;: Formance Cloud)</translation>
    </message>
    <message>
        <source>Cloud organization</source>
        <translation>Organisation Cloud</translation>
    </message>
    <message>
        <source>orgID-stackID</source>
        <translation>orgID-stackID</translation>
    </message>
    <message>
        <source>Cloud environment</source>
        <translation>Environnement Cloud</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Secret client</translation>
    </message>
    <message>
        <source>unchanged (kept in the system keychain)</source>
        <translation>inchangé (conservé dans le trousseau du système)</translation>
    </message>
    <message>
        <source>stored in the system keychain</source>
        <translation>conservé dans le trousseau du système</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Niveau</translation>
    </message>
    <message>
        <source>Trusted CA</source>
        <translation>AC de confiance</translation>
    </message>
    <message>
        <source>optional: a private CA&apos;s certificate, PEM (-----BEGIN CERTIFICATE-----)</source>
        <translation>facultatif&#xa0;: le certificat d’une AC privée, en PEM (-----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <source>Read-only: disable every write</source>
        <translation>Lecture seule&#xa0;: désactiver toute écriture</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test…</translation>
    </message>
</context>
<context>
    <name>ConnectorConfigForm</name>
    <message>
        <source>Unchanged</source>
        <translation>Inchangé</translation>
    </message>
    <message>
        <source>A duration, such as 10s</source>
        <translation>Une durée, comme 10s</translation>
    </message>
    <message>
        <source>A whole number</source>
        <translation>Un nombre entier</translation>
    </message>
</context>
<context>
    <name>ConnectorController</name>
    <message>
        <source>%1 is required.</source>
        <translation>%1 est obligatoire.</translation>
    </message>
    <message>
        <source>A whole number, such as 10.</source>
        <translation>Un nombre entier, comme 10.</translation>
    </message>
    <message>
        <source>A duration, such as 10s, 500ms or 2m.</source>
        <translation>Une durée, comme 10s, 500ms ou 2m.</translation>
    </message>
    <message>
        <source>No connector selected.</source>
        <translation>Aucun connecteur sélectionné.</translation>
    </message>
    <message>
        <source>No connector chosen.</source>
        <translation>Aucun connecteur choisi.</translation>
    </message>
</context>
<context>
    <name>ConnectorDetailDrawer</name>
    <message>
        <source>Config of %1 saved.</source>
        <translation>Configuration de %1 enregistrée.</translation>
    </message>
    <message>
        <source>%1 reset: its data is fetched again.</source>
        <translation>%1 réinitialisé&#xa0;: ses données sont récupérées à nouveau.</translation>
    </message>
    <message>
        <source>Connector uninstalled.</source>
        <translation>Connecteur désinstallé.</translation>
    </message>
    <message>
        <source>1 task is failing</source>
        <translation>1 tâche en échec</translation>
    </message>
    <message>
        <source>%1 tasks are failing</source>
        <translation>%1 tâches en échec</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Configuration</translation>
    </message>
    <message>
        <source>Cancel edit</source>
        <translation>Annuler la modification</translation>
    </message>
    <message>
        <source>Edit config…</source>
        <translation>Modifier la configuration…</translation>
    </message>
    <message>
        <source>Review changes…</source>
        <translation>Vérifier les changements…</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>No task yet.</source>
        <translation>Aucune tâche pour l’instant.</translation>
    </message>
    <message>
        <source>1 task · refreshed every 3 s</source>
        <translation>1 tâche · actualisée toutes les 3 s</translation>
    </message>
    <message>
        <source>%1 tasks · refreshed every 3 s</source>
        <translation>%1 tâches · actualisées toutes les 3 s</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Last run</source>
        <translation>Dernière exécution</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Reset…</source>
        <translation>Réinitialiser…</translation>
    </message>
    <message>
        <source>Reset connector</source>
        <translation>Réinitialiser le connecteur</translation>
    </message>
    <message>
        <source>Uninstall…</source>
        <translation>Désinstaller…</translation>
    </message>
    <message>
        <source>Uninstall connector</source>
        <translation>Désinstaller le connecteur</translation>
    </message>
    <message>
        <source>This profile is read-only: connectors cannot be changed, reset or uninstalled.</source>
        <translation>Ce profil est en lecture seule&#xa0;: les connecteurs ne peuvent être ni modifiés, ni réinitialisés, ni désinstallés.</translation>
    </message>
    <message>
        <source>Save the config of %1?</source>
        <translation>Enregistrer la configuration de %1&#xa0;?</translation>
    </message>
    <message>
        <source>The connector restarts with these values.</source>
        <translation>Le connecteur redémarre avec ces valeurs.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Reset %1?</source>
        <translation>Réinitialiser %1&#xa0;?</translation>
    </message>
    <message>
        <source>Its accounts, balances and payments are deleted from payments and fetched again from the provider.</source>
        <translation>Ses comptes, soldes et paiements sont supprimés de payments puis récupérés à nouveau auprès du fournisseur.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Uninstall %1?</source>
        <translation>Désinstaller %1&#xa0;?</translation>
    </message>
    <message>
        <source>The connector stops, and its accounts, balances and payments are removed from payments.</source>
        <translation>Le connecteur s’arrête, et ses comptes, soldes et paiements sont retirés de payments.</translation>
    </message>
    <message>
        <source>Uninstall</source>
        <translation>Désinstaller</translation>
    </message>
</context>
<context>
    <name>ConnectorInstallDialog</name>
    <message>
        <source>Install %1</source>
        <translation>Installer %1</translation>
    </message>
    <message>
        <source>%1 installed.</source>
        <translation>%1 installé.</translation>
    </message>
    <message>
        <source>Fields marked * are required. Secrets are sent to the stack only, never stored here.</source>
        <translation>Les champs marqués * sont obligatoires. Les secrets ne sont envoyés qu’à la stack, jamais conservés ici.</translation>
    </message>
    <message>
        <source>Installing…</source>
        <translation>Installation…</translation>
    </message>
    <message>
        <source>Install</source>
        <translation>Installer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>ConnectorsModel</name>
    <message>
        <source>Enabled</source>
        <translation>Activé</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
</context>
<context>
    <name>ConnectorsPage</name>
    <message>
        <source>Connectors</source>
        <translation>Connecteurs</translation>
    </message>
    <message>
        <source>The payment providers this stack reads from and pays through</source>
        <translation>Les prestataires de paiement que cette stack lit et par lesquels elle paie</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Installed</source>
        <translation>Installés</translation>
    </message>
    <message>
        <source>No connector installed.</source>
        <translation>Aucun connecteur installé.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Install one from the catalogue below.</source>
        <translation>Installez-en un depuis le catalogue ci-dessous.</translation>
    </message>
    <message>
        <source>1 connector installed</source>
        <translation>1 connecteur installé</translation>
    </message>
    <message>
        <source>%1 connectors installed</source>
        <translation>%1 connecteurs installés</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Prestataire</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Connector ID</source>
        <translation>ID du connecteur</translation>
    </message>
    <message>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Install %1…</source>
        <translation>Installer %1…</translation>
    </message>
    <message>
        <source>a connector</source>
        <translation>un connecteur</translation>
    </message>
    <message>
        <source>The stack offers no connector.</source>
        <translation>La stack ne propose aucun connecteur.</translation>
    </message>
    <message>
        <source>1 connector offered · * required</source>
        <translation>1 connecteur proposé · * obligatoire</translation>
    </message>
    <message>
        <source>%1 connectors offered · * required</source>
        <translation>%1 connecteurs proposés · * obligatoire</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <source>Config fields</source>
        <translation>Champs de configuration</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>This profile is read-only.</source>
        <translation>Ce profil est en lecture seule.</translation>
    </message>
</context>
<context>
    <name>CopyButton</name>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copié</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copier %1</translation>
    </message>
</context>
<context>
    <name>DemoStack</name>
    <message>
        <source>unknown error</source>
        <translation>erreur inconnue</translation>
    </message>
</context>
<context>
    <name>DetailDrawer</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>the stack</source>
        <translation>la stack</translation>
    </message>
    <message>
        <source>The server name of %1 could not be found. Check the URL or organization.</source>
        <translation>Le nom de serveur de %1 est introuvable. Vérifiez l’URL ou l’organisation.</translation>
    </message>
    <message>
        <source>Nothing is listening at %1. Is the stack running, and is the port right?</source>
        <translation>Rien n’écoute sur %1. La stack est-elle démarrée, et le port est-il le bon&#xa0;?</translation>
    </message>
    <message>
        <source>Could not reach %1: %2</source>
        <translation>Impossible de joindre %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The server&apos;s TLS certificate was not accepted: %1</source>
        <translation>Le certificat TLS du serveur n’a pas été accepté&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 did not answer in time.</source>
        <translation>%1 n’a pas répondu à temps.</translation>
    </message>
    <message>
        <source>The stack refused these credentials: check the client id and secret.</source>
        <translation>La stack a refusé ces identifiants&#xa0;: vérifiez l’ID client et le secret.</translation>
    </message>
    <message>
        <source>Could not obtain a token: %1</source>
        <translation>Impossible d’obtenir un jeton&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 answered 404: this service or object does not exist there. Check the URL.</source>
        <translation>%1 a répondu 404&#xa0;: ce service ou cet objet n’y existe pas. Vérifiez l’URL.</translation>
    </message>
    <message>
        <source>The stack refused access (HTTP %1). Check the client&apos;s scopes.</source>
        <translation>La stack a refusé l’accès (HTTP %1). Vérifiez les portées du client.</translation>
    </message>
    <message>
        <source>The stack answered with an error: %1</source>
        <translation>La stack a répondu par une erreur&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 answered in a way this version does not understand: %2</source>
        <translation>%1 a répondu d’une façon que cette version ne comprend pas&#xa0;: %2</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>an HTML page</source>
        <translation>une page HTML</translation>
    </message>
    <message>
        <source>an HTML page (“%1”)</source>
        <translation>une page HTML («&#xa0;%1&#xa0;»)</translation>
    </message>
    <message>
        <source>The stack answered HTTP %1 with %2: a proxy or gateway in front of it may be failing.</source>
        <translation>La stack a répondu HTTP %1 avec %2&#xa0;: un proxy ou une passerelle placé devant elle est peut-être en panne.</translation>
    </message>
    <message>
        <source>%1 answered with %2 instead of JSON (HTTP %3): is a proxy or a login page in front of it?</source>
        <translation>%1 a répondu par %2 au lieu de JSON (HTTP %3)&#xa0;: y a-t-il un proxy ou une page de connexion devant&#xa0;?</translation>
    </message>
</context>
<context>
    <name>ExportBar</name>
    <message>
        <source>Export transactions</source>
        <translation>Exporter les transactions</translation>
    </message>
    <message>
        <source>Export accounts</source>
        <translation>Exporter les comptes</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Exporting… %1</source>
        <translation>Export… %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Exported %1 to %2</source>
        <translation>%1 lignes exportées vers %2</translation>
    </message>
</context>
<context>
    <name>ExportController</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not finish writing %1: %2</source>
        <translation>Impossible de terminer l’écriture de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Export canceled.</source>
        <translation>Export annulé.</translation>
    </message>
    <message>
        <source>The stack answered with something that is not a transaction (%1). Nothing was saved.</source>
        <translation>La stack a répondu par autre chose qu’une transaction (%1). Rien n’a été enregistré.</translation>
    </message>
</context>
<context>
    <name>FileDialogCheck</name>
    <message>
        <source>Files need the Qt module Qt.labs.folderlistmodel (Debian: qml6-module-qt-labs-folderlistmodel). Install it and start again.</source>
        <translation>Les fichiers nécessitent le module Qt Qt.labs.folderlistmodel (Debian&#xa0;: qml6-module-qt-labs-folderlistmodel). Installez-le puis relancez.</translation>
    </message>
</context>
<context>
    <name>FlowGraphView</name>
    <message>
        <source>done</source>
        <translation>terminée</translation>
    </message>
    <message>
        <source>running</source>
        <translation>en cours</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <source>1 stage</source>
        <translation>1 étape</translation>
    </message>
    <message>
        <source>%1 stages</source>
        <translation>%1 étapes</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Dézoomer</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoomer</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit the graph in view</source>
        <translation>Ajuster le graphe à la vue</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>The zoom level in percent (French: a narrow space before %).</extracomment>
        <translation>%1&#x202f;%</translation>
    </message>
</context>
<context>
    <name>FlowStage</name>
    <message>
        <source>Invalid stage</source>
        <translation>Étape invalide</translation>
    </message>
    <message>
        <source>then</source>
        <translation>puis</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>depuis %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>vers %1</translation>
    </message>
    <message>
        <source>Send (wallet)</source>
        <translation>Envoi (portefeuille)</translation>
    </message>
    <message>
        <source>Wait for an event</source>
        <translation>Attente d’un événement</translation>
    </message>
    <message>
        <source>event “%1”</source>
        <translation>événement «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>on “%1”</source>
        <translation>sur «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>Delay</source>
        <translation>Délai</translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>pendant %1</translation>
    </message>
    <message>
        <source>after %1</source>
        <translation>après %1</translation>
    </message>
    <message>
        <source>until %1</source>
        <translation>jusqu’au %1</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>à %1</translation>
    </message>
    <message>
        <source>Update account</source>
        <translation>Mise à jour du compte</translation>
    </message>
    <message>
        <source>account %1</source>
        <translation>compte %1</translation>
    </message>
    <message>
        <source>metadata: %1</source>
        <translation>métadonnées&#xa0;: %1</translation>
    </message>
    <message>
        <source>wallet %1</source>
        <translation>portefeuille %1</translation>
    </message>
    <message>
        <source>wallet %1 / %2</source>
        <translation>portefeuille %1 / %2</translation>
    </message>
    <message>
        <source>payment %1</source>
        <translation>paiement %1</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>all</source>
        <translation>tout</translation>
    </message>
</context>
<context>
    <name>Flows</name>
    <message>
        <source>waits for “%1”</source>
        <translation>attend «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>wakes up at %1</source>
        <translation>se réveille à %1</translation>
    </message>
    <message>
        <source>delayed</source>
        <translation>différée</translation>
    </message>
    <message>
        <source>at stage %1 (%2)</source>
        <translation>à l’étape %1 (%2)</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Virement</translation>
    </message>
    <message>
        <source>Connector task</source>
        <translation>Tâche de connecteur</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Rapprochement</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Deliveries fail: the endpoint cannot be reached.</source>
        <translation>Les livraisons échouent&#xa0;: le point de terminaison est injoignable.</translation>
    </message>
    <message>
        <source>Deliveries fail: the endpoint answers HTTP %1.</source>
        <translation>Les livraisons échouent&#xa0;: le point de terminaison répond HTTP %1.</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Waiting for approval: %1 %2 to %3</source>
        <translation>En attente d’approbation&#xa0;: %1 %2 vers %3</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Échec.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <source>A task failed: %1</source>
        <translation>Une tâche a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>A task failed.</source>
        <translation>Une tâche a échoué.</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Failed (workflow %1): %2</source>
        <translation>Échec (workflow %1)&#xa0;: %2</translation>
    </message>
    <message>
        <source>Waiting (workflow %1): running or waiting for an event</source>
        <translation>En attente (workflow %1)&#xa0;: en cours ou en attente d’un événement</translation>
    </message>
    <message>
        <source>Not OK (%1)</source>
        <translation>Pas OK (%1)</translation>
    </message>
    <message>
        <source>Drift: %1</source>
        <translation>Écart&#xa0;: %1</translation>
    </message>
    <message>
        <source>Policy %1</source>
        <translation>Politique %1</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>Connect to a stack first.</source>
        <translation>Connectez-vous d’abord à une stack.</translation>
    </message>
    <message>
        <source>What needs an operator · checked at %1, again every %2 s while the window shows</source>
        <translation>Ce qui demande un opérateur · vérifié à %1, puis toutes les %2 s tant que la fenêtre est affichée</translation>
    </message>
    <message>
        <source>What needs an operator</source>
        <translation>Ce qui demande un opérateur</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Read-only profile: webhooks are not tested (a test sends an event), so failing ones are not listed.</source>
        <translation>Profil en lecture seule&#xa0;: les webhooks ne sont pas testés (un test envoie un événement), les webhooks en échec ne sont donc pas listés.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Nothing needs you.</source>
        <translation>Rien ne vous attend.</translation>
    </message>
    <message>
        <source>Failing webhooks, transfers to approve, failed tasks and workflows, and reconciliation drifts show here.</source>
        <translation>Les webhooks en échec, les virements à approuver, les tâches et workflows échoués et les écarts de rapprochement s’affichent ici.</translation>
    </message>
    <message>
        <source>1 item</source>
        <translation>1 élément</translation>
    </message>
    <message>
        <source>%1 items</source>
        <translation>%1 éléments</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
</context>
<context>
    <name>InstanceController</name>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Waiting for an event</source>
        <translation>En attente d’un événement</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>No instance selected.</source>
        <translation>Aucune instance sélectionnée.</translation>
    </message>
    <message>
        <source>Name the event to send.</source>
        <translation>Nommez l’événement à envoyer.</translation>
    </message>
</context>
<context>
    <name>InstanceDrawer</name>
    <message>
        <source>Instance</source>
        <translation>Instance</translation>
    </message>
    <message>
        <source>%1 · started %2</source>
        <translation>%1 · démarrée le %2</translation>
    </message>
    <message>
        <source>Event sent.</source>
        <translation>Événement envoyé.</translation>
    </message>
    <message>
        <source>Instance canceled.</source>
        <translation>Instance annulée.</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>terminée le %1</translation>
    </message>
    <message>
        <source>Send event…</source>
        <translation>Envoyer un événement…</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>Annuler…</translation>
    </message>
    <message>
        <source>Wakes up at %1</source>
        <translation>Se réveille le %1</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Chronologie</translation>
    </message>
    <message>
        <source>No stage started yet.</source>
        <translation>Aucune étape démarrée pour l’instant.</translation>
    </message>
    <message>
        <source>started %1 · running</source>
        <translation>démarrée le %1 · en cours</translation>
    </message>
    <message>
        <source>%1 → %2 · %3</source>
        <translation>%1 → %2 · %3</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Masquer les détails</translation>
    </message>
    <message>
        <source>Show input</source>
        <translation>Afficher l’entrée</translation>
    </message>
    <message>
        <source>Show input and output (%1)</source>
        <translation>Afficher l’entrée et la sortie (%1)</translation>
    </message>
    <message>
        <source>1 activity</source>
        <translation>1 activité</translation>
    </message>
    <message>
        <source>%1 activities</source>
        <translation>%1 activités</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>%1 · %2 → %3 · %4</source>
        <translation>%1 · %2 → %3 · %4</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Send an event</source>
        <translation>Envoyer un événement</translation>
    </message>
    <message>
        <source>The instance waits for “%1”.</source>
        <translation>L’instance attend «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoi</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Cancel this instance?</source>
        <translation>Annuler cette instance&#xa0;?</translation>
    </message>
    <message>
        <source>It stops where it is; what its finished stages did stays.</source>
        <translation>Elle s’arrête là où elle en est&#xa0;; ce qu’ont fait ses étapes terminées reste acquis.</translation>
    </message>
    <message>
        <source>Cancel instance</source>
        <translation>Annuler l’instance</translation>
    </message>
</context>
<context>
    <name>InstancesModel</name>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Waiting for an event</source>
        <translation>En attente d’un événement</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>InstancesPage</name>
    <message>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <source>Every run of every workflow</source>
        <translation>Chaque exécution de chaque workflow</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Waiting for an event</source>
        <translation>En attente d’un événement</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Réussie</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>Canceled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>No instance is “%1”.</source>
        <translation>Aucune instance «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>No workflow ran on this stack yet.</source>
        <translation>Aucun workflow n’a encore été exécuté sur cette stack.</translation>
    </message>
    <message>
        <source>1 instance</source>
        <translation>1 instance</translation>
    </message>
    <message>
        <source>%1 instances</source>
        <translation>%1 instances</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarrée le</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>LedgerController</name>
    <message>
        <source>A ledger name has 1 to 63 letters, digits, “_” or “-”.</source>
        <translation>Un nom de grand livre compte de 1 à 63 lettres, chiffres, «&#xa0;_&#xa0;» ou «&#xa0;-&#xa0;».</translation>
    </message>
    <message>
        <source>A bucket name has 1 to 63 letters, digits, “_” or “-”.</source>
        <translation>Un nom de bucket compte de 1 à 63 lettres, chiffres, «&#xa0;_&#xa0;» ou «&#xa0;-&#xa0;».</translation>
    </message>
</context>
<context>
    <name>LedgerInput</name>
    <message>
        <source>%1: enter an account address.</source>
        <translation>%1&#xa0;: saisissez une adresse de compte.</translation>
    </message>
    <message>
        <source>%1 “%2” is not an account address (segments of letters, digits, _ or - joined by “:”).</source>
        <translation>%1 «&#xa0;%2&#xa0;» n’est pas une adresse de compte (segments de lettres, chiffres, _ ou - reliés par «&#xa0;:&#xa0;»).</translation>
    </message>
    <message>
        <source>Asset “%1” should look like USD/2, EUR/2, ETH/18 or JPY.</source>
        <translation>L’actif «&#xa0;%1&#xa0;» doit ressembler à USD/2, EUR/2, ETH/18 ou JPY.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
</context>
<context>
    <name>LedgersPage</name>
    <message>
        <source>Ledger %1 created.</source>
        <translation>Grand livre %1 créé.</translation>
    </message>
    <message>
        <source>Open its transactions</source>
        <translation>Ouvrir ses transactions</translation>
    </message>
    <message>
        <source>Metadata of %1 saved.</source>
        <translation>Métadonnées de %1 enregistrées.</translation>
    </message>
    <message>
        <source>Ledgers</source>
        <translation>Grands livres</translation>
    </message>
    <message>
        <source>1 ledger</source>
        <translation>1 grand livre</translation>
    </message>
    <message>
        <source>%1 ledgers</source>
        <translation>%1 grands livres</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation> sur %1</translation>
    </message>
    <message>
        <source>Connect to a stack first.</source>
        <translation>Connectez-vous d’abord à une stack.</translation>
    </message>
    <message>
        <source>New ledger…</source>
        <translation>Nouveau grand livre…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>No ledgers on this stack.</source>
        <translation>Aucun grand livre sur cette stack.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Create one with “New ledger…”.</source>
        <translation>Créez-en un avec «&#xa0;Nouveau grand livre…&#xa0;».</translation>
    </message>
    <message>
        <source>Open the demo stack or a saved one on the Connections page.</source>
        <translation>Ouvrez la stack de démonstration ou une stack enregistrée dans la page Connexions.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Open transactions</source>
        <translation>Ouvrir les transactions</translation>
    </message>
    <message>
        <source>New ledger</source>
        <translation>Nouveau grand livre</translation>
    </message>
    <message>
        <source>Create ledger</source>
        <translation>Créer le grand livre</translation>
    </message>
    <message>
        <source>e.g. payouts-eu</source>
        <translation>p. ex. payouts-eu</translation>
    </message>
    <message>
        <source>Letters, digits, “_” and “-”, up to 63.</source>
        <translation>Lettres, chiffres, «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;», 63 au plus.</translation>
    </message>
    <message>
        <source>Optional: the stack&apos;s default</source>
        <translation>Facultatif&#xa0;: celui par défaut de la stack</translation>
    </message>
</context>
<context>
    <name>ListCount</name>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>0 of %1</source>
        <translation>0 sur %1</translation>
    </message>
    <message>
        <source>1–%1 of %2</source>
        <translation>1–%1 sur %2</translation>
    </message>
    <message>
        <source>%1 loaded, scroll for more</source>
        <translation>%1 chargés, faites défiler pour la suite</translation>
    </message>
    <message>
        <source>%1 loaded</source>
        <translation>%1 chargés</translation>
    </message>
</context>
<context>
    <name>ListPage</name>
    <message>
        <source>Nothing here yet.</source>
        <translation>Rien ici pour l’instant.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Select row %1</source>
        <translation>Sélectionner la ligne %1</translation>
    </message>
</context>
<context>
    <name>ListSupport</name>
    <message>
        <source>Type the amount without separators, with a dot for decimals: 1000.50.</source>
        <translation>Saisissez le montant sans séparateur, avec un point pour les décimales&#xa0;: 1000.50.</translation>
    </message>
</context>
<context>
    <name>LogsModel</name>
    <message>
        <source>A date looks like 2024-11-13, 2024-11-13 10:20 or 2024-11-13T10:20:30Z.</source>
        <translation>Une date s’écrit 2024-11-13, 2024-11-13 10:20 ou 2024-11-13T10:20:30Z.</translation>
    </message>
    <message>
        <source>The end must come after the start.</source>
        <translation>La fin doit être postérieure au début.</translation>
    </message>
    <message>
        <source>This stack&apos;s log hashes are not in the form this app checks (hex SHA-256): the chain is not checked.</source>
        <translation>Les empreintes du journal de cette stack ne sont pas au format que vérifie cette application (SHA-256 hexadécimal)&#xa0;: la chaîne n’est pas vérifiée.</translation>
    </message>
    <message>
        <source>✓ Linked</source>
        <translation>✓ Liée</translation>
    </message>
    <message>
        <source>⚠ Broken link</source>
        <translation>⚠ Lien rompu</translation>
    </message>
    <message>
        <source>– Not checked</source>
        <translation>– Non vérifiée</translation>
    </message>
</context>
<context>
    <name>LogsPage</name>
    <message>
        <source>Log of %1 exported to %2.</source>
        <translation>Journal de %1 exporté vers %2.</translation>
    </message>
    <message>
        <source>Logs imported into the new ledger %1.</source>
        <translation>Journaux importés dans le nouveau grand livre %1.</translation>
    </message>
    <message>
        <source>Export the log of %1</source>
        <translation>Exporter le journal de %1</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Ledger logs (*.ndjson *.jsonl)</source>
        <translation>Journaux de grand livre (*.ndjson *.jsonl)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Logs to import</source>
        <translation>Journaux à importer</translation>
    </message>
    <message>
        <source>Import logs into a new ledger</source>
        <translation>Importer des journaux dans un nouveau grand livre</translation>
    </message>
    <message>
        <source>A new, empty ledger is created and the logs of %1 are replayed into it.</source>
        <translation>Un nouveau grand livre vide est créé et les journaux de %1 y sont rejoués.</translation>
    </message>
    <message>
        <source>Create and import</source>
        <translation>Créer et importer</translation>
    </message>
    <message>
        <source>New ledger</source>
        <translation>Nouveau grand livre</translation>
    </message>
    <message>
        <source>New ledger name</source>
        <translation>Nom du nouveau grand livre</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Journaux</translation>
    </message>
    <message>
        <source>Ledger %1</source>
        <translation>Grand livre %1</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Import into new ledger…</source>
        <translation>Importer dans un nouveau grand livre…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The log is empty.</source>
        <translation>Le journal est vide.</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 entrée</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 entrées</translation>
    </message>
    <message>
        <source>, scroll for more</source>
        <translation>, faites défiler pour la suite</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Empreinte</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progression de l’import</translation>
    </message>
    <message>
        <source>Transfer progress</source>
        <translation>Progression du transfert</translation>
    </message>
    <message>
        <source>Cancel the transfer</source>
        <translation>Annuler le transfert</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>2024-11-01</source>
        <translation>2024-11-01</translation>
    </message>
    <message>
        <source>To (exclusive)</source>
        <translation>Au (exclu)</translation>
    </message>
    <message>
        <source>2024-12-01</source>
        <translation>2024-12-01</translation>
    </message>
    <message>
        <source>As of (point in time)</source>
        <translation>Au (point dans le temps)</translation>
    </message>
    <message>
        <source>2024-11-13 10:20</source>
        <translation>2024-11-13 10:20</translation>
    </message>
    <message>
        <source>⚠ The hash chain is broken at %1: a log was altered or removed.</source>
        <translation>⚠ La chaîne d’empreintes est rompue en %1&#xa0;: une entrée a été modifiée ou supprimée.</translation>
    </message>
    <message>
        <source>✓ Each listed entry&apos;s hash links to the one before it.</source>
        <translation>✓ L’empreinte de chaque entrée listée est liée à la précédente.</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Chaîne</translation>
    </message>
</context>
<context>
    <name>LogsTransferController</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Choose a ledger first.</source>
        <translation>Choisissez d’abord un grand livre.</translation>
    </message>
    <message>
        <source>Exporting the log of %1…</source>
        <translation>Export du journal de %1…</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Name the new ledger.</source>
        <translation>Nommez le nouveau grand livre.</translation>
    </message>
    <message>
        <source>A ledger name is up to 63 letters, digits, _ or -.</source>
        <translation>Un nom de grand livre compte au plus 63 lettres, chiffres, _ ou -.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Impossible de lire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Creating ledger %1…</source>
        <translation>Création du grand livre %1…</translation>
    </message>
    <message>
        <source>Importing %1 bytes of logs into %2…</source>
        <translation>Import de %1 octets de journaux dans %2…</translation>
    </message>
    <message>
        <source>The logs were imported into %1.</source>
        <translation>Les journaux ont été importés dans %1.</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>%1 bytes of log written to %2.</source>
        <translation>%1 octets de journal écrits dans %2.</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>%1 — Formance Desk</source>
        <translation>%1 — Formance Desk</translation>
    </message>
    <message>
        <source>Formance Desk</source>
        <translation>Formance Desk</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connexions</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>Stack</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>Ledgers</source>
        <translation>Grands livres</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Grand livre</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Balances</source>
        <translation>Soldes</translation>
    </message>
    <message>
        <source>Logs</source>
        <translation>Journaux</translation>
    </message>
    <message>
        <source>New transaction</source>
        <translation>Nouvelle transaction</translation>
    </message>
    <message>
        <source>Numscript</source>
        <translation>Numscript</translation>
    </message>
    <message>
        <source>Bulk</source>
        <translation>Lot</translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Wallets</source>
        <translation>Portefeuilles</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>Connecteurs</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Connector accounts</source>
        <translation>Comptes des connecteurs</translation>
    </message>
    <message>
        <source>Bank accounts</source>
        <translation>Comptes bancaires</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Virements</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flows</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <source>Workflow editor</source>
        <translation>Éditeur de workflow</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>Déclencheurs</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Rapprochement</translation>
    </message>
    <message>
        <source>OAuth clients</source>
        <translation>Clients OAuth</translation>
    </message>
    <message>
        <source>Auth</source>
        <translation>Auth</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Open the demo stack</source>
        <translation>Ouvrir la stack de démonstration</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Se déconnecter</translation>
    </message>
</context>
<context>
    <name>MetadataEditor</name>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>One key=value per line.</source>
        <translation>Une paire clé=valeur par ligne.</translation>
    </message>
    <message>
        <source>Save metadata</source>
        <translation>Enregistrer les métadonnées</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Annuler les changements</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>Formance Desk</source>
        <translation>Formance Desk</translation>
    </message>
    <message>
        <source>Choose a ledger first</source>
        <translation>Choisissez d’abord un grand livre</translation>
    </message>
    <message>
        <source>Connect to a stack first</source>
        <translation>Connectez-vous d’abord à une stack</translation>
    </message>
    <message>
        <source>%1, %2 items</source>
        <translation>%1, %2 éléments</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Grand livre</translation>
    </message>
    <message>
        <source>none chosen</source>
        <translation>aucun choisi</translation>
    </message>
</context>
<context>
    <name>NewBalanceDialog</name>
    <message>
        <source>New balance in %1</source>
        <translation>Nouveau solde dans %1</translation>
    </message>
    <message>
        <source>Create balance</source>
        <translation>Créer le solde</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Expires at</source>
        <translation>Expire le</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorité</translation>
    </message>
    <message>
        <source>Optional: higher is spent first</source>
        <translation>Facultatif&#xa0;: le plus élevé est dépensé en premier</translation>
    </message>
</context>
<context>
    <name>NewTransactionController</name>
    <message>
        <source>Source “%1” is not an account address (segments of letters, digits, _ or - joined by “:”).</source>
        <translation>La source «&#xa0;%1&#xa0;» n’est pas une adresse de compte (segments de lettres, chiffres, _ ou - reliés par «&#xa0;:&#xa0;»).</translation>
    </message>
    <message>
        <source>Enter a destination account.</source>
        <translation>Saisissez un compte de destination.</translation>
    </message>
    <message>
        <source>Destination “%1” is not an account address.</source>
        <translation>La destination «&#xa0;%1&#xa0;» n’est pas une adresse de compte.</translation>
    </message>
    <message>
        <source>Asset “%1” should look like USD/2, EUR/2, ETH/18 or JPY.</source>
        <translation>L’actif «&#xa0;%1&#xa0;» doit ressembler à USD/2, EUR/2, ETH/18 ou JPY.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>Write metadata as key=value, one per line (“%1” is not).</source>
        <translation>Écrivez les métadonnées sous la forme clé=valeur, une par ligne («&#xa0;%1&#xa0;» ne l’est pas).</translation>
    </message>
    <message>
        <source>The timestamp should look like 2024-11-13 10:20 or 2024-11-13T10:20:30Z.</source>
        <translation>L’horodatage doit ressembler à 2024-11-13 10:20 ou 2024-11-13T10:20:30Z.</translation>
    </message>
    <message>
        <source>Fix the highlighted fields first.</source>
        <translation>Corrigez d’abord les champs signalés.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
</context>
<context>
    <name>NewTransactionPage</name>
    <message>
        <source>Transaction %1 committed.</source>
        <translation>Transaction %1 validée.</translation>
    </message>
    <message>
        <source>Open transaction %1</source>
        <translation>Ouvrir la transaction %1</translation>
    </message>
    <message>
        <source>New transaction</source>
        <translation>Nouvelle transaction</translation>
    </message>
    <message>
        <source>Ledger %1</source>
        <translation>Grand livre %1</translation>
    </message>
    <message>
        <source>This profile is read-only: you can preview, not commit.</source>
        <translation>Ce profil est en lecture seule&#xa0;: vous pouvez prévisualiser, pas valider.</translation>
    </message>
    <message>
        <source>Postings</source>
        <translation>Écritures</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Remove posting</source>
        <translation>Retirer l’écriture</translation>
    </message>
    <message>
        <source>Add posting</source>
        <translation>Ajouter une écriture</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Horodatage</translation>
    </message>
    <message>
        <source>now, or 2024-11-13 10:20</source>
        <translation>maintenant, ou 2024-11-13 10:20</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>key=value, one per line</source>
        <translation>clé=valeur, une par ligne</translation>
    </message>
    <message>
        <source>Preview (dry run)</source>
        <translation>Prévisualiser (simulation)</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Preview the transaction first.</source>
        <translation>Prévisualisez d’abord la transaction.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Asking the ledger…</source>
        <translation>Interrogation du grand livre…</translation>
    </message>
    <message>
        <source>Preview the transaction to see the balances it leaves; Commit follows.</source>
        <translation>Prévisualisez la transaction pour voir les soldes qu’elle laisse&#xa0;; la validation suit.</translation>
    </message>
    <message>
        <source>Committed as transaction %1.</source>
        <translation>Validée sous le numéro de transaction %1.</translation>
    </message>
    <message>
        <source>Balances after this transaction</source>
        <translation>Soldes après cette transaction</translation>
    </message>
</context>
<context>
    <name>NewTriggerDialog</name>
    <message>
        <source>New trigger</source>
        <translation>Nouveau déclencheur</translation>
    </message>
    <message>
        <source>Trigger created.</source>
        <translation>Déclencheur créé.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Event type</source>
        <translation>Type d’événement</translation>
    </message>
    <message>
        <source>Workflow it starts</source>
        <translation>Workflow qu’il démarre</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>An expression over event; empty: every event</source>
        <translation>Une expression sur event&#xa0;; vide&#xa0;: tous les événements</translation>
    </message>
    <message>
        <source>Variables (JSON: name → expression)</source>
        <translation>Variables (JSON&#xa0;: nom → expression)</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>NewWalletDialog</name>
    <message>
        <source>New wallet</source>
        <translation>Nouveau portefeuille</translation>
    </message>
    <message>
        <source>Wallet %1 created.</source>
        <translation>Portefeuille %1 créé.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>p. ex. alice</translation>
    </message>
    <message>
        <source>Metadata — one key=value per line</source>
        <translation>Métadonnées — une paire clé=valeur par ligne</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>This profile is read-only: no wallet can be created.</source>
        <translation>Ce profil est en lecture seule&#xa0;: aucun portefeuille ne peut être créé.</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>NewWebhookDialog</name>
    <message>
        <source>New webhook</source>
        <translation>Nouveau webhook</translation>
    </message>
    <message>
        <source>Webhook created</source>
        <translation>Webhook créé</translation>
    </message>
    <message>
        <source>Webhook created.</source>
        <translation>Webhook créé.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Types d’événements</translation>
    </message>
    <message>
        <source>Comma separated, e.g. ledger.committed_transactions</source>
        <translation>Séparés par des virgules, p. ex. ledger.committed_transactions</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Empty: the stack generates one</source>
        <translation>Vide&#xa0;: la stack en génère un</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Signing secret — copy it now, it is not shown again.</source>
        <translation>Secret de signature — copiez-le maintenant, il ne sera plus affiché.</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
</context>
<context>
    <name>Notification</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>NumscriptController</name>
    <message>
        <source>Deposit with a fee (demo-retail)</source>
        <translation>Dépôt avec frais (demo-retail)</translation>
    </message>
    <message>
        <source>Refund a purchase (demo-retail)</source>
        <translation>Remboursement d’un achat (demo-retail)</translation>
    </message>
    <message>
        <source>Merchant payout (demo-payouts)</source>
        <translation>Versement à un marchand (demo-payouts)</translation>
    </message>
    <message>
        <source>$%1 is declared: give it a value.</source>
        <translation>$%1 est déclarée&#xa0;: donnez-lui une valeur.</translation>
    </message>
    <message>
        <source>$%1: write the asset then the amount in its units, e.g. USD/2 12.34.</source>
        <translation>$%1&#xa0;: écrivez l’actif puis le montant dans ses unités, p. ex. USD/2 12.34.</translation>
    </message>
    <message>
        <source>$%1 is a number: digits only.</source>
        <translation>$%1 est un nombre&#xa0;: des chiffres uniquement.</translation>
    </message>
    <message>
        <source>Write a script first.</source>
        <translation>Écrivez d’abord un script.</translation>
    </message>
    <message>
        <source>Fill the variables first.</source>
        <translation>Remplissez d’abord les variables.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Choose a ledger first.</source>
        <translation>Choisissez d’abord un grand livre.</translation>
    </message>
    <message>
        <source>Could not save to %1: %2</source>
        <translation>Impossible d’enregistrer dans %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Name the script to save it.</source>
        <translation>Nommez le script pour l’enregistrer.</translation>
    </message>
</context>
<context>
    <name>NumscriptPage</name>
    <message>
        <source>Transaction %1 committed from Numscript.</source>
        <translation>Transaction %1 validée depuis Numscript.</translation>
    </message>
    <message>
        <source>Open transaction %1</source>
        <translation>Ouvrir la transaction %1</translation>
    </message>
    <message>
        <source>Numscript</source>
        <translation>Numscript</translation>
    </message>
    <message>
        <source>Ledger %1</source>
        <translation>Grand livre %1</translation>
    </message>
    <message>
        <source>This profile is read-only: you can preview, not commit.</source>
        <translation>Ce profil est en lecture seule&#xa0;: vous pouvez prévisualiser, pas valider.</translation>
    </message>
    <message>
        <source>Saved scripts and examples</source>
        <translation>Scripts enregistrés et exemples</translation>
    </message>
    <message>
        <source>Name to save as</source>
        <translation>Enregistrer sous le nom</translation>
    </message>
    <message>
        <source>Script name</source>
        <translation>Nom du script</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save script</source>
        <translation>Enregistrer le script</translation>
    </message>
    <message>
        <source>Script “%1” saved for this profile.</source>
        <translation>Script «&#xa0;%1&#xa0;» enregistré pour ce profil.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete saved script</source>
        <translation>Supprimer le script enregistré</translation>
    </message>
    <message>
        <source>send [USD/2 100] (
  source = @world
  destination = @users:0001
)</source>
        <translation>send [USD/2 100] (
  source = @world
  destination = @users:0001
)</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>A monetary is the asset then the amount in its units: USD/2 12.34.</source>
        <translation>Un monétaire s’écrit avec l’actif puis le montant dans ses unités&#xa0;: USD/2 12.34.</translation>
    </message>
    <message>
        <source>Preview (dry run)</source>
        <translation>Prévisualiser (simulation)</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>Valider</translation>
    </message>
    <message>
        <source>Preview the script first.</source>
        <translation>Prévisualisez d’abord le script.</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Asking the ledger…</source>
        <translation>Interrogation du grand livre…</translation>
    </message>
    <message>
        <source>Committed as transaction %1.</source>
        <translation>Validée sous le numéro de transaction %1.</translation>
    </message>
    <message>
        <source>Postings it would make</source>
        <translation>Écritures qu’il passerait</translation>
    </message>
    <message>
        <source>Balances before → after</source>
        <translation>Soldes avant → après</translation>
    </message>
</context>
<context>
    <name>OccurrencesModel</name>
    <message>
        <source>Not started</source>
        <translation>Non démarré</translation>
    </message>
</context>
<context>
    <name>OverviewController</name>
    <message>
        <source>  (+%1 more)</source>
        <translation>  (+%1 de plus)</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Healthy</source>
        <translation>En bonne santé</translation>
    </message>
    <message>
        <source>Tasks unreadable</source>
        <translation>Tâches illisibles</translation>
    </message>
    <message>
        <source>1 task failed</source>
        <translation>1 tâche échouée</translation>
    </message>
    <message>
        <source>%1 tasks failed</source>
        <translation>%1 tâches échouées</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Vue d’ensemble</translation>
    </message>
    <message>
        <source>%1 at a glance</source>
        <translation>%1 en un coup d’œil</translation>
    </message>
    <message>
        <source>Connect to a stack first.</source>
        <translation>Connectez-vous d’abord à une stack.</translation>
    </message>
    <message>
        <source>Inbox (%1)</source>
        <translation>Boîte de réception (%1)</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Boîte de réception</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>1 service</source>
        <translation>1 service</translation>
    </message>
    <message>
        <source>%1 services</source>
        <translation>%1 services</translation>
    </message>
    <message>
        <source>Ledgers</source>
        <translation>Grands livres</translation>
    </message>
    <message>
        <source>transactions · accounts</source>
        <translation>transactions · comptes</translation>
    </message>
    <message>
        <source>No ledger yet.</source>
        <translation>Aucun grand livre pour l’instant.</translation>
    </message>
    <message>
        <source>Open ledger %1</source>
        <translation>Ouvrir le grand livre %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Connectors</source>
        <translation>Connecteurs</translation>
    </message>
    <message>
        <source>No connector installed.</source>
        <translation>Aucun connecteur installé.</translation>
    </message>
    <message>
        <source>Failing webhooks</source>
        <translation>Webhooks en échec</translation>
    </message>
    <message>
        <source>Not tested: a read-only profile sends no test delivery.</source>
        <translation>Non testés&#xa0;: un profil en lecture seule n’envoie aucune livraison de test.</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Test…</translation>
    </message>
    <message>
        <source>Every active webhook delivers.</source>
        <translation>Chaque webhook actif livre bien.</translation>
    </message>
    <message>
        <source>Latest transactions</source>
        <translation>Dernières transactions</translation>
    </message>
    <message>
        <source>No transaction yet.</source>
        <translation>Aucune transaction pour l’instant.</translation>
    </message>
    <message>
        <source>Open transaction %1 of %2</source>
        <translation>Ouvrir la transaction %1 de %2</translation>
    </message>
    <message>
        <source>Latest log entries</source>
        <translation>Dernières entrées du journal</translation>
    </message>
    <message>
        <source>No log entry yet.</source>
        <translation>Aucune entrée de journal pour l’instant.</translation>
    </message>
</context>
<context>
    <name>PaymentAccountsPage</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Balance history</source>
        <translation>Historique du solde</translation>
    </message>
    <message>
        <source>Balance history chart</source>
        <translation>Graphique de l’historique du solde</translation>
    </message>
    <message>
        <source>%1 · from %2 to %3</source>
        <translation>%1 · du %2 au %3</translation>
    </message>
    <message>
        <source>The connector reported no balance for this account.</source>
        <translation>Le connecteur n’a signalé aucun solde pour ce compte.</translation>
    </message>
    <message>
        <source>1 balance reported</source>
        <translation>1 solde signalé</translation>
    </message>
    <message>
        <source>%1 balances reported</source>
        <translation>%1 soldes signalés</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Signalé le</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Last updated</source>
        <translation>Dernière mise à jour</translation>
    </message>
    <message>
        <source>Connector accounts</source>
        <translation>Comptes des connecteurs</translation>
    </message>
    <message>
        <source>Accounts at the providers, and their balances</source>
        <translation>Les comptes chez les prestataires, et leurs soldes</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>Type de compte</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Tout type</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>No connector account.</source>
        <translation>Aucun compte de connecteur.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>1 account</source>
        <translation>1 compte</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>%1 comptes</translation>
    </message>
    <message>
        <source> · more as you scroll</source>
        <translation> · la suite en faisant défiler</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Default asset</source>
        <translation>Actif par défaut</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Prestataire</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
</context>
<context>
    <name>PaymentController</name>
    <message>
        <source>No payment selected.</source>
        <translation>Aucun paiement sélectionné.</translation>
    </message>
    <message>
        <source>Payments cannot remove a metadata key (%1): the API only adds and changes keys.</source>
        <translation>Payments ne peut pas supprimer une clé de métadonnées (%1)&#xa0;: l’API ne fait qu’ajouter et modifier des clés.</translation>
    </message>
</context>
<context>
    <name>PaymentDetailDrawer</name>
    <message>
        <source>%1 · %2 · created %3</source>
        <translation>%1 · %2 · créé le %3</translation>
    </message>
    <message>
        <source>Payment metadata saved.</source>
        <translation>Métadonnées du paiement enregistrées.</translation>
    </message>
    <message>
        <source>Initial amount</source>
        <translation>Montant initial</translation>
    </message>
    <message>
        <source>Source account</source>
        <translation>Compte source</translation>
    </message>
    <message>
        <source>Destination account</source>
        <translation>Compte de destination</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <source>Payment ID</source>
        <translation>ID du paiement</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>Ajustements</translation>
    </message>
    <message>
        <source>No adjustment.</source>
        <translation>Aucun ajustement.</translation>
    </message>
    <message>
        <source>Ledger transactions referencing it</source>
        <translation>Transactions du grand livre qui le référencent</translation>
    </message>
    <message>
        <source>Choose a ledger to find its transactions.</source>
        <translation>Choisissez un grand livre pour trouver ses transactions.</translation>
    </message>
    <message>
        <source>No transaction of ledger %1 has this reference or metadata paymentId.</source>
        <translation>Aucune transaction du grand livre %1 n’a cette référence ou la métadonnée paymentId.</translation>
    </message>
    <message>
        <source>#%1 · %2 · %3</source>
        <translation>n° %1 · %2 · %3</translation>
    </message>
    <message>
        <source>Open transaction %1</source>
        <translation>Ouvrir la transaction %1</translation>
    </message>
    <message>
        <source>Raw provider data</source>
        <translation>Données brutes du prestataire</translation>
    </message>
    <message>
        <source>The provider sent no raw data.</source>
        <translation>Le prestataire n’a envoyé aucune donnée brute.</translation>
    </message>
</context>
<context>
    <name>PaymentsOperations</name>
    <message>
        <source>The stack could not complete the operation.</source>
        <translation>La stack n’a pas pu terminer l’opération.</translation>
    </message>
    <message>
        <source>The stack has not finished the operation yet: look again later.</source>
        <translation>La stack n’a pas encore terminé l’opération&#xa0;: revérifiez plus tard.</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Pay-ins, payouts and transfers the connectors report</source>
        <translation>Encaissements, décaissements et virements signalés par les connecteurs</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Any type</source>
        <translation>Tout type</translation>
    </message>
    <message>
        <source>Asset (EUR/2)</source>
        <translation>Actif (EUR/2)</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Exact reference</source>
        <translation>Référence exacte</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Sort</source>
        <translation>Tri</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Plus récents d’abord</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Plus anciens d’abord</translation>
    </message>
    <message>
        <source>Largest amount</source>
        <translation>Montant le plus élevé</translation>
    </message>
    <message>
        <source>Smallest amount</source>
        <translation>Montant le plus faible</translation>
    </message>
    <message>
        <source>No payment matches.</source>
        <translation>Aucun paiement ne correspond.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Payments appear as the connectors fetch them.</source>
        <translation>Les paiements apparaissent à mesure que les connecteurs les récupèrent.</translation>
    </message>
    <message>
        <source>1 payment</source>
        <translation>1 paiement</translation>
    </message>
    <message>
        <source>%1 payments</source>
        <translation>%1 paiements</translation>
    </message>
    <message>
        <source> · more as you scroll</source>
        <translation> · la suite en faisant défiler</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Scheme</source>
        <translation>Schéma</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Prestataire</translation>
    </message>
</context>
<context>
    <name>PoolController</name>
    <message>
        <source>A date such as 2026-11-30, or a time such as 2026-11-30T12:00:00Z.</source>
        <translation>Une date comme 2026-11-30, ou une heure comme 2026-11-30T12:00:00Z.</translation>
    </message>
    <message>
        <source>No pool selected.</source>
        <translation>Aucun pool sélectionné.</translation>
    </message>
    <message>
        <source>The pool&apos;s balances could not be read.</source>
        <translation>Les soldes du pool n’ont pas pu être lus.</translation>
    </message>
    <message>
        <source>Give the pool a name.</source>
        <translation>Donnez un nom au pool.</translation>
    </message>
</context>
<context>
    <name>PoolsPage</name>
    <message>
        <source>1 account</source>
        <translation>1 compte</translation>
    </message>
    <message>
        <source>%1 accounts</source>
        <translation>%1 comptes</translation>
    </message>
    <message>
        <source>Pool deleted.</source>
        <translation>Pool supprimé.</translation>
    </message>
    <message>
        <source>Balances at</source>
        <translation>Soldes au</translation>
    </message>
    <message>
        <source>Now — or a date such as 2026-11-30</source>
        <translation>Maintenant — ou une date comme 2026-11-30</translation>
    </message>
    <message>
        <source>Balances at date</source>
        <translation>Soldes à une date</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show balances at date</source>
        <translation>Afficher les soldes à la date</translation>
    </message>
    <message>
        <source>Balances now</source>
        <translation>Soldes actuels</translation>
    </message>
    <message>
        <source>Balances at %1</source>
        <translation>Soldes au %1</translation>
    </message>
    <message>
        <source>No balance.</source>
        <translation>Aucun solde.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Remove account %1</source>
        <translation>Retirer le compte %1</translation>
    </message>
    <message>
        <source>Account to add</source>
        <translation>Compte à ajouter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Add account to pool</source>
        <translation>Ajouter le compte au pool</translation>
    </message>
    <message>
        <source>Delete pool…</source>
        <translation>Supprimer le pool…</translation>
    </message>
    <message>
        <source>Delete pool %1?</source>
        <translation>Supprimer le pool %1&#xa0;?</translation>
    </message>
    <message>
        <source>The accounts stay; only the pool goes.</source>
        <translation>Les comptes restent&#xa0;; seul le pool disparaît.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>New pool</source>
        <translation>Nouveau pool</translation>
    </message>
    <message>
        <source>Pool created.</source>
        <translation>Pool créé.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Pool name</source>
        <translation>Nom du pool</translation>
    </message>
    <message>
        <source>First account</source>
        <translation>Premier compte</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Create pool</source>
        <translation>Créer le pool</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Pools</source>
        <translation>Pools</translation>
    </message>
    <message>
        <source>Groups of connector accounts and their total balances</source>
        <translation>Groupes de comptes de connecteurs et leurs soldes totaux</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New pool…</source>
        <translation>Nouveau pool…</translation>
    </message>
    <message>
        <source>No pool.</source>
        <translation>Aucun pool.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>1 pool</source>
        <translation>1 pool</translation>
    </message>
    <message>
        <source>%1 pools</source>
        <translation>%1 pools</translation>
    </message>
    <message>
        <source>Account IDs</source>
        <translation>ID des comptes</translation>
    </message>
    <message>
        <source>Pool ID</source>
        <translation>ID du pool</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>Enter a server URL, or a Formance Cloud organization.</source>
        <translation>Saisissez une URL de serveur, ou une organisation Formance Cloud.</translation>
    </message>
    <message>
        <source>The server URL must look like https://stack.example.com.</source>
        <translation>L’URL du serveur doit ressembler à https://stack.example.com.</translation>
    </message>
    <message>
        <source>Choose development, staging or production.</source>
        <translation>Choisissez développement, préproduction ou production.</translation>
    </message>
    <message>
        <source>The trusted CA must be a PEM certificate (-----BEGIN CERTIFICATE----- …).</source>
        <translation>L’AC de confiance doit être un certificat PEM (-----BEGIN CERTIFICATE----- …).</translation>
    </message>
</context>
<context>
    <name>ProfilesModel</name>
    <message>
        <source>Saved. The client secret is in the system keychain.</source>
        <translation>Enregistré. Le secret client est dans le trousseau du système.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>No keychain is available (%1). The secret is kept for this session only and will be asked for again next time.</source>
        <translation>Aucun trousseau n’est disponible (%1). Le secret n’est conservé que pour cette session et sera redemandé la prochaine fois.</translation>
    </message>
    <message>
        <source>No secret is saved for this profile.</source>
        <translation>Aucun secret n’est enregistré pour ce profil.</translation>
    </message>
    <message>
        <source>The keychain could not be read: %1</source>
        <translation>Le trousseau n’a pas pu être lu&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ReconciliationController</name>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>A ledger query is required, e.g. {&quot;$match&quot;: {&quot;address&quot;: &quot;banks:&quot;}}.</source>
        <translation>Une requête sur le grand livre est requise, p. ex. {&quot;$match&quot;: {&quot;address&quot;: &quot;banks:&quot;}}.</translation>
    </message>
    <message>
        <source>The query must be a JSON object: %1</source>
        <translation>La requête doit être un objet JSON&#xa0;: %1</translation>
    </message>
    <message>
        <source>not an object</source>
        <translation>pas un objet</translation>
    </message>
    <message>
        <source>A date and time such as 2026-12-01T00:00:00Z, or empty for now.</source>
        <translation>Une date et une heure comme 2026-12-01T00:00:00Z, ou vide pour maintenant.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>no drift</source>
        <translation>aucun écart</translation>
    </message>
    <message>
        <source>drift %1</source>
        <translation>écart %1</translation>
    </message>
    <message>
        <source>A policy needs a name.</source>
        <translation>Une politique doit avoir un nom.</translation>
    </message>
    <message>
        <source>Choose the ledger.</source>
        <translation>Choisissez le grand livre.</translation>
    </message>
    <message>
        <source>Choose the payments pool.</source>
        <translation>Choisissez le pool de payments.</translation>
    </message>
    <message>
        <source>No policy selected.</source>
        <translation>Aucune politique sélectionnée.</translation>
    </message>
</context>
<context>
    <name>ReconciliationPage</name>
    <message>
        <source>Policy created.</source>
        <translation>Politique créée.</translation>
    </message>
    <message>
        <source>Policy deleted.</source>
        <translation>Politique supprimée.</translation>
    </message>
    <message>
        <source>Reconciled: no drift.</source>
        <translation>Rapproché&#xa0;: aucun écart.</translation>
    </message>
    <message>
        <source>Reconciled: the books drift.</source>
        <translation>Rapproché&#xa0;: les comptes présentent un écart.</translation>
    </message>
    <message>
        <source>Reconciliation</source>
        <translation>Rapprochement</translation>
    </message>
    <message>
        <source>The ledger&apos;s books against the payments pools</source>
        <translation>Les livres du grand livre face aux pools de payments</translation>
    </message>
    <message>
        <source>New policy…</source>
        <translation>Nouvelle politique…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Policy %1</source>
        <translation>Politique %1</translation>
    </message>
    <message>
        <source>%1 ↔ %2</source>
        <translation>%1 ↔ %2</translation>
    </message>
    <message>
        <source>No policy yet.</source>
        <translation>Aucune politique pour l’instant.</translation>
    </message>
    <message>
        <source>A policy compares a ledger query with a payments pool.</source>
        <translation>Une politique compare une requête sur le grand livre avec un pool de payments.</translation>
    </message>
    <message>
        <source>Ledger %1 · pool %2 · query %3</source>
        <translation>Grand livre %1 · pool %2 · requête %3</translation>
    </message>
    <message>
        <source>Ledger at</source>
        <translation>Grand livre au</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>Payments at</source>
        <translation>Payments au</translation>
    </message>
    <message>
        <source>Reconcile</source>
        <translation>Rapprocher</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>This profile is read-only: no reconciliation can be run or policy changed.</source>
        <translation>Ce profil est en lecture seule&#xa0;: aucun rapprochement ne peut être lancé ni aucune politique modifiée.</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Exécutions</translation>
    </message>
    <message>
        <source>Not reconciled yet.</source>
        <translation>Pas encore rapproché.</translation>
    </message>
    <message>
        <source>Run of %1</source>
        <translation>Exécution de %1</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Écart</translation>
    </message>
    <message>
        <source>Figures per asset</source>
        <translation>Chiffres par actif</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Grand livre</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Ledger accounts</source>
        <translation>Comptes du grand livre</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>None selected by the query.</source>
        <translation>Aucun sélectionné par la requête.</translation>
    </message>
    <message>
        <source>Pool accounts</source>
        <translation>Comptes du pool</translation>
    </message>
    <message>
        <source>The pool has no account.</source>
        <translation>Le pool n’a aucun compte.</translation>
    </message>
    <message>
        <source>Delete policy %1?</source>
        <translation>Supprimer la politique %1&#xa0;?</translation>
    </message>
    <message>
        <source>Its runs stay readable; no new run can be made.</source>
        <translation>Ses exécutions restent consultables&#xa0;; aucune nouvelle exécution n’est possible.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>New reconciliation policy</source>
        <translation>Nouvelle politique de rapprochement</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Ledger query (JSON)</source>
        <translation>Requête sur le grand livre (JSON)</translation>
    </message>
    <message>
        <source>Ledger query</source>
        <translation>Requête sur le grand livre</translation>
    </message>
    <message>
        <source>Payments pool</source>
        <translation>Pool de payments</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>RunWorkflowDialog</name>
    <message>
        <source>Run “%1”</source>
        <translation>Exécuter «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>The workflow uses these variables:</source>
        <translation>Le workflow utilise ces variables&#xa0;:</translation>
    </message>
    <message>
        <source>The workflow uses no variable.</source>
        <translation>Le workflow n’utilise aucune variable.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>There is no profile “%1”.</source>
        <translation>Il n’existe aucun profil «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>The keychain is unavailable: the secret is kept for this session only.</source>
        <translation>Le trousseau est indisponible&#xa0;: le secret n’est conservé que pour cette session.</translation>
    </message>
    <message>
        <source>The demo stack did not start: %1</source>
        <translation>La stack de démonstration n’a pas démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Demo stack</source>
        <translation>Stack de démonstration</translation>
    </message>
    <message>
        <source>production</source>
        <translation>production</translation>
    </message>
    <message>
        <source>staging</source>
        <translation>préproduction</translation>
    </message>
    <message>
        <source>development</source>
        <translation>développement</translation>
    </message>
</context>
<context>
    <name>StackSearch</name>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Comptes</translation>
    </message>
    <message>
        <source>Wallets</source>
        <translation>Portefeuilles</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Paiements</translation>
    </message>
    <message>
        <source>Ledgers</source>
        <translation>Grands livres</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>ledger</source>
        <translation>grand livre</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>%1 · ledger %2</source>
        <translation>%1 · grand livre %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>DEMO · </source>
        <translation>DÉMO · </translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>Go to…  Ctrl+K</source>
        <translation>Aller à…  Ctrl+K</translation>
    </message>
</context>
<context>
    <name>TransactionDetailController</name>
    <message>
        <source>No transaction selected.</source>
        <translation>Aucune transaction sélectionnée.</translation>
    </message>
</context>
<context>
    <name>TransactionDetailDrawer</name>
    <message>
        <source>Transaction %1</source>
        <translation>Transaction %1</translation>
    </message>
    <message>
        <source>Transaction %1 reverted by transaction %2.</source>
        <translation>Transaction %1 contrepassée par la transaction %2.</translation>
    </message>
    <message>
        <source>Open transaction %1</source>
        <translation>Ouvrir la transaction %1</translation>
    </message>
    <message>
        <source>Metadata of transaction %1 saved.</source>
        <translation>Métadonnées de la transaction %1 enregistrées.</translation>
    </message>
    <message>
        <source>Reverted</source>
        <translation>Contrepassée</translation>
    </message>
    <message>
        <source>by transaction %1</source>
        <translation>par la transaction %1</translation>
    </message>
    <message>
        <source>Reverts transaction %1</source>
        <translation>Contrepasse la transaction %1</translation>
    </message>
    <message>
        <source>Who paid whom</source>
        <translation>Qui a payé qui</translation>
    </message>
    <message>
        <source>Balances before → after</source>
        <translation>Soldes avant → après</translation>
    </message>
    <message>
        <source>Revert…</source>
        <translation>Contrepasser…</translation>
    </message>
    <message>
        <source>Copy as curl</source>
        <translation>Copier en curl</translation>
    </message>
    <message>
        <source>Revert transaction %1?</source>
        <translation>Contrepasser la transaction %1&#xa0;?</translation>
    </message>
    <message>
        <source>A new transaction will move the amounts back. The original stays in the ledger, marked reverted.</source>
        <translation>Une nouvelle transaction renverra les montants. L’originale reste dans le grand livre, marquée contrepassée.</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Contrepasser</translation>
    </message>
    <message>
        <source>Force, even if it overdraws accounts</source>
        <translation>Forcer, même si des comptes passent à découvert</translation>
    </message>
    <message>
        <source>Date the revert at the original&apos;s date (%1)</source>
        <translation>Dater la contrepassation à la date de l’originale (%1)</translation>
    </message>
    <message>
        <source>Balances at any point in time after that date will read as if the transaction never happened.</source>
        <translation>Les soldes à tout moment postérieur à cette date se liront comme si la transaction n’avait jamais eu lieu.</translation>
    </message>
</context>
<context>
    <name>TransactionsModel</name>
    <message>
        <source>Dates look like 2024-11-13, 2024-11-13 10:20 or 2024-11-13T10:20:30Z.</source>
        <translation>Les dates s’écrivent 2024-11-13, 2024-11-13 10:20 ou 2024-11-13T10:20:30Z.</translation>
    </message>
    <message>
        <source>The end of the time range must come after its start.</source>
        <translation>La fin de la période doit venir après son début.</translation>
    </message>
    <message numerus="yes">
        <source>  (+%n more)</source>
        <translation>
            <numerusform>  (+%n autre)</numerusform>
            <numerusform>  (+%n autres)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TransactionsPage</name>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Ledger %1</source>
        <translation>Grand livre %1</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Account (users:1, users:)</source>
        <translation>Compte (users:1, users:)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Metadata key</source>
        <translation>Clé de métadonnée</translation>
    </message>
    <message>
        <source>Metadata value</source>
        <translation>Valeur de métadonnée</translation>
    </message>
    <message>
        <source>From (2024-11-01)</source>
        <translation>Du (2024-11-01)</translation>
    </message>
    <message>
        <source>To (2024-12-01)</source>
        <translation>Au (2024-12-01)</translation>
    </message>
    <message>
        <source>As of (point in time)</source>
        <translation>Au (point dans le temps)</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>Plus anciens d’abord</translation>
    </message>
    <message>
        <source>Filters apply as you type.</source>
        <translation>Les filtres s’appliquent pendant la saisie.</translation>
    </message>
    <message>
        <source>No transactions match.</source>
        <translation>Aucune transaction ne correspond.</translation>
    </message>
    <message>
        <source>Clear the filters, or commit one on “New transaction”.</source>
        <translation>Effacez les filtres, ou validez-en une dans «&#xa0;Nouvelle transaction&#xa0;».</translation>
    </message>
    <message>
        <source>%1 loaded, scroll for more</source>
        <translation>%1 chargés, faites défiler pour la suite</translation>
    </message>
    <message>
        <source>1 transaction</source>
        <translation>1 transaction</translation>
    </message>
    <message>
        <source>%1 transactions</source>
        <translation>%1 transactions</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Postings</source>
        <translation>Écritures</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
    <message>
        <source>Bulk revert: %1 reverted, %2 refused.</source>
        <translation>Contrepassation groupée&#xa0;: %1 contrepassées, %2 refusées.</translation>
    </message>
    <message>
        <source>Revert %1 selected…</source>
        <translation>Contrepasser %1 sélectionnées…</translation>
    </message>
    <message>
        <source>Revert selected…</source>
        <translation>Contrepasser la sélection…</translation>
    </message>
    <message>
        <source>Select transaction %1</source>
        <translation>Sélectionner la transaction %1</translation>
    </message>
</context>
<context>
    <name>TransferController</name>
    <message>
        <source>Type an amount.</source>
        <translation>Saisissez un montant.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>No transfer selected.</source>
        <translation>Aucun virement sélectionné.</translation>
    </message>
    <message>
        <source>Give the transfer a reference.</source>
        <translation>Donnez une référence au virement.</translation>
    </message>
    <message>
        <source>Choose the connector that makes the transfer.</source>
        <translation>Choisissez le connecteur qui effectue le virement.</translation>
    </message>
    <message>
        <source>Choose the source and destination accounts.</source>
        <translation>Choisissez les comptes source et destination.</translation>
    </message>
    <message>
        <source>Type the asset, such as EUR/2.</source>
        <translation>Saisissez l’actif, comme EUR/2.</translation>
    </message>
</context>
<context>
    <name>TransferDetailDrawer</name>
    <message>
        <source>%1 · scheduled %2</source>
        <translation>%1 · prévu le %2</translation>
    </message>
    <message>
        <source>Transfer %1: %2.</source>
        <translation>Virement %1&#xa0;: %2.</translation>
    </message>
    <message>
        <source>Transfer deleted.</source>
        <translation>Virement supprimé.</translation>
    </message>
    <message>
        <source>Initial amount</source>
        <translation>Montant initial</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Approuver…</translation>
    </message>
    <message>
        <source>Approve transfer</source>
        <translation>Approuver le virement</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Rejeter…</translation>
    </message>
    <message>
        <source>Reject transfer</source>
        <translation>Rejeter le virement</translation>
    </message>
    <message>
        <source>Retry…</source>
        <translation>Réessayer…</translation>
    </message>
    <message>
        <source>Retry transfer</source>
        <translation>Réessayer le virement</translation>
    </message>
    <message>
        <source>Reverse…</source>
        <translation>Rembourser…</translation>
    </message>
    <message>
        <source>Reverse transfer</source>
        <translation>Rembourser le virement</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete transfer</source>
        <translation>Supprimer le virement</translation>
    </message>
    <message>
        <source>This profile is read-only: transfers cannot be approved, rejected, retried, reversed or deleted.</source>
        <translation>Ce profil est en lecture seule&#xa0;: les virements ne peuvent être ni approuvés, ni rejetés, ni réessayés, ni remboursés, ni supprimés.</translation>
    </message>
    <message>
        <source>Status history</source>
        <translation>Historique des statuts</translation>
    </message>
    <message>
        <source>Payments made</source>
        <translation>Paiements effectués</translation>
    </message>
    <message>
        <source>None yet.</source>
        <translation>Aucun pour l’instant.</translation>
    </message>
    <message>
        <source>Approve this transfer?</source>
        <translation>Approuver ce virement&#xa0;?</translation>
    </message>
    <message>
        <source>Reject this transfer?</source>
        <translation>Rejeter ce virement&#xa0;?</translation>
    </message>
    <message>
        <source>Retry this transfer?</source>
        <translation>Réessayer ce virement&#xa0;?</translation>
    </message>
    <message>
        <source>Reverse this transfer?</source>
        <translation>Rembourser ce virement&#xa0;?</translation>
    </message>
    <message>
        <source>Delete this transfer?</source>
        <translation>Supprimer ce virement&#xa0;?</translation>
    </message>
    <message>
        <source>The connector sends %1 %2 on its next round.</source>
        <translation>Le connecteur envoie %1 %2 à son prochain passage.</translation>
    </message>
    <message>
        <source>The transfer is never sent.</source>
        <translation>Le virement n’est jamais envoyé.</translation>
    </message>
    <message>
        <source>The connector tries to send it again.</source>
        <translation>Le connecteur tente de l’envoyer à nouveau.</translation>
    </message>
    <message>
        <source>The amount given back to the source account; all or part of it.</source>
        <translation>Le montant rendu au compte source, en tout ou en partie.</translation>
    </message>
    <message>
        <source>The transfer initiation is removed.</source>
        <translation>L’initiation de virement est supprimée.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approuver</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>Reverse</source>
        <translation>Rembourser</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Amount to give back (%1)</source>
        <translation>Montant à rendre (%1)</translation>
    </message>
    <message>
        <source>Amount to reverse</source>
        <translation>Montant à rembourser</translation>
    </message>
    <message>
        <source>Reverse description</source>
        <translation>Description du remboursement</translation>
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <source>New transfer</source>
        <translation>Nouveau virement</translation>
    </message>
    <message>
        <source>Transfer created.</source>
        <translation>Virement créé.</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Connector</source>
        <translation>Connecteur</translation>
    </message>
    <message>
        <source>From account</source>
        <translation>Compte débité</translation>
    </message>
    <message>
        <source>To account</source>
        <translation>Compte crédité</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Already approved (skip the approval step)</source>
        <translation>Déjà approuvé (sauter l’étape d’approbation)</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Création…</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Créer</translation>
    </message>
    <message>
        <source>Create transfer</source>
        <translation>Créer le virement</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>Virements</translation>
    </message>
    <message>
        <source>Transfer initiations: what the connectors are asked to send</source>
        <translation>Initiations de virement&#xa0;: ce que les connecteurs doivent envoyer</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Tout statut</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New transfer…</source>
        <translation>Nouveau virement…</translation>
    </message>
    <message>
        <source>No transfer initiation.</source>
        <translation>Aucune initiation de virement.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>Create one with “New transfer…”.</source>
        <translation>Créez-en une avec «&#xa0;Nouveau virement…&#xa0;».</translation>
    </message>
    <message>
        <source>1 transfer</source>
        <translation>1 virement</translation>
    </message>
    <message>
        <source>%1 transfers</source>
        <translation>%1 virements</translation>
    </message>
    <message>
        <source> · more as you scroll</source>
        <translation> · la suite en faisant défiler</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
</context>
<context>
    <name>TriggerController</name>
    <message>
        <source>No trigger selected.</source>
        <translation>Aucun déclencheur sélectionné.</translation>
    </message>
    <message>
        <source>“%1” at character %2 closes nothing.</source>
        <translation>«&#xa0;%1&#xa0;» au caractère %2 ne ferme rien.</translation>
    </message>
    <message>
        <source>A quote is not closed.</source>
        <translation>Un guillemet n’est pas fermé.</translation>
    </message>
    <message>
        <source>“%1” is not closed.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas fermé.</translation>
    </message>
    <message>
        <source>Choose the event type the trigger listens to.</source>
        <translation>Choisissez le type d’événement qu’écoute le déclencheur.</translation>
    </message>
    <message>
        <source>Choose the workflow it starts.</source>
        <translation>Choisissez le workflow qu’il démarre.</translation>
    </message>
    <message>
        <source>Variables are a JSON object: {&quot;name&quot;: &quot;expression over event&quot;}.</source>
        <translation>Les variables forment un objet JSON&#xa0;: {&quot;nom&quot;: &quot;expression sur event&quot;}.</translation>
    </message>
    <message>
        <source>“%1” must be an expression (text).</source>
        <translation>«&#xa0;%1&#xa0;» doit être une expression (texte).</translation>
    </message>
    <message>
        <source>Testing a trigger needs orchestration v2; this stack runs v1.</source>
        <translation>Tester un déclencheur nécessite orchestration v2&#xa0;; cette stack exécute la v1.</translation>
    </message>
    <message>
        <source>The sample event is not a JSON object: %1.</source>
        <translation>L’événement d’exemple n’est pas un objet JSON&#xa0;: %1.</translation>
    </message>
    <message>
        <source>The sample event is not valid JSON.</source>
        <translation>L’événement d’exemple n’est pas du JSON valide.</translation>
    </message>
</context>
<context>
    <name>TriggerDrawer</name>
    <message>
        <source>%1 · created %2</source>
        <translation>%1 · créé le %2</translation>
    </message>
    <message>
        <source>Trigger deleted.</source>
        <translation>Déclencheur supprimé.</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>(every event)</source>
        <translation>(tous les événements)</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Test against a sample event</source>
        <translation>Tester sur un événement d’exemple</translation>
    </message>
    <message>
        <source>Testing needs orchestration v2; this stack runs v1.</source>
        <translation>Le test nécessite orchestration v2&#xa0;; cette stack exécute la v1.</translation>
    </message>
    <message>
        <source>Sample event (JSON)</source>
        <translation>Événement d’exemple (JSON)</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Tester</translation>
    </message>
    <message>
        <source>The filter failed: %1</source>
        <translation>Le filtre a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Matches: it would start the workflow.</source>
        <translation>Correspond&#xa0;: il démarrerait le workflow.</translation>
    </message>
    <message>
        <source>Does not match: nothing would start.</source>
        <translation>Ne correspond pas&#xa0;: rien ne démarrerait.</translation>
    </message>
    <message>
        <source>Occurrences</source>
        <translation>Occurrences</translation>
    </message>
    <message>
        <source>The trigger never fired.</source>
        <translation>Le déclencheur ne s’est jamais activé.</translation>
    </message>
    <message>
        <source>1 occurrence</source>
        <translation>1 occurrence</translation>
    </message>
    <message>
        <source>%1 occurrences</source>
        <translation>%1 occurrences</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>Instance</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Instance ID</source>
        <translation>ID de l’instance</translation>
    </message>
    <message>
        <source>Delete this trigger?</source>
        <translation>Supprimer ce déclencheur&#xa0;?</translation>
    </message>
    <message>
        <source>Events stop starting “%1”.</source>
        <translation>Les événements cessent de démarrer «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>TriggersPage</name>
    <message>
        <source>Triggers</source>
        <translation>Déclencheurs</translation>
    </message>
    <message>
        <source>Events that start workflows</source>
        <translation>Les événements qui démarrent des workflows</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New trigger…</source>
        <translation>Nouveau déclencheur…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>No triggers on this stack.</source>
        <translation>Aucun déclencheur sur cette stack.</translation>
    </message>
    <message>
        <source>Create one with “New trigger…”.</source>
        <translation>Créez-en un avec «&#xa0;Nouveau déclencheur…&#xa0;».</translation>
    </message>
    <message>
        <source>1 trigger</source>
        <translation>1 déclencheur</translation>
    </message>
    <message>
        <source>%1 triggers</source>
        <translation>%1 déclencheurs</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Démarre</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Filtre</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
</context>
<context>
    <name>UserController</name>
    <message>
        <source>No user selected.</source>
        <translation>Aucun utilisateur sélectionné.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Utilisateurs</translation>
    </message>
    <message>
        <source>Who signed in to the stack</source>
        <translation>Qui s’est connecté à la stack</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>No user on this stack.</source>
        <translation>Aucun utilisateur sur cette stack.</translation>
    </message>
    <message>
        <source>1 user</source>
        <translation>1 utilisateur</translation>
    </message>
    <message>
        <source>%1 users</source>
        <translation>%1 utilisateurs</translation>
    </message>
</context>
<context>
    <name>VolumesModel</name>
    <message>
        <source>Dates look like 2024-11-13, 2024-11-13 10:20 or 2024-11-13T10:20:30Z.</source>
        <translation>Les dates s’écrivent 2024-11-13, 2024-11-13 10:20 ou 2024-11-13T10:20:30Z.</translation>
    </message>
    <message>
        <source>The window must start before it ends.</source>
        <translation>La période doit commencer avant de finir.</translation>
    </message>
</context>
<context>
    <name>VolumesPage</name>
    <message>
        <source>Volumes</source>
        <translation>Volumes</translation>
    </message>
    <message>
        <source>Ledger %1 · inputs, outputs and balances over a window</source>
        <translation>Grand livre %1 · entrées, sorties et soldes sur une période</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>From: origin of time</source>
        <translation>Du&#xa0;: origine des temps</translation>
    </message>
    <message>
        <source>Window start</source>
        <translation>Début de la période</translation>
    </message>
    <message>
        <source>To: now</source>
        <translation>Au&#xa0;: maintenant</translation>
    </message>
    <message>
        <source>Window end (point in time)</source>
        <translation>Fin de la période (point dans le temps)</translation>
    </message>
    <message>
        <source>Address or pattern (users:)</source>
        <translation>Adresse ou motif (users:)</translation>
    </message>
    <message>
        <source>Address filter</source>
        <translation>Filtre d’adresse</translation>
    </message>
    <message>
        <source>By effective date</source>
        <translation>Par date de valeur</translation>
    </message>
    <message>
        <source>By insertion date</source>
        <translation>Par date d’insertion</translation>
    </message>
    <message>
        <source>Date the window applies to</source>
        <translation>Date à laquelle s’applique la période</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Regrouper par</translation>
    </message>
    <message>
        <source>Every account</source>
        <translation>Chaque compte</translation>
    </message>
    <message>
        <source>First segment (users)</source>
        <translation>Premier segment (users)</translation>
    </message>
    <message>
        <source>First 2 segments</source>
        <translation>2 premiers segments</translation>
    </message>
    <message>
        <source>First 3 segments</source>
        <translation>3 premiers segments</translation>
    </message>
    <message>
        <source>Group by address segments</source>
        <translation>Regrouper par segments d’adresse</translation>
    </message>
    <message>
        <source>Window: %1 → %2, %3</source>
        <translation>Période&#xa0;: %1 → %2, %3</translation>
    </message>
    <message>
        <source>origin of time</source>
        <translation>origine des temps</translation>
    </message>
    <message>
        <source>now</source>
        <translation>maintenant</translation>
    </message>
    <message>
        <source>by insertion date</source>
        <translation>par date d’insertion</translation>
    </message>
    <message>
        <source>by effective date</source>
        <translation>par date de valeur</translation>
    </message>
    <message>
        <source>No volumes in this window.</source>
        <translation>Aucun volume sur cette période.</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 ligne</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <source>, scroll for more</source>
        <translation>, faites défiler pour la suite</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Compte</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
</context>
<context>
    <name>WalletActivity</name>
    <message>
        <source>Hold %1 created.</source>
        <translation>Réservation %1 créée.</translation>
    </message>
    <message>
        <source>Wallet %1 updated.</source>
        <translation>Portefeuille %1 mis à jour.</translation>
    </message>
    <message>
        <source>Balance %1 created.</source>
        <translation>Solde %1 créé.</translation>
    </message>
    <message>
        <source>Metadata of %1 saved.</source>
        <translation>Métadonnées de %1 enregistrées.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>No funds.</source>
        <translation>Aucun fonds.</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <source>On hold</source>
        <translation>Réservé</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Expirable</source>
        <translation>Expirable</translation>
    </message>
    <message>
        <source>Credit…</source>
        <translation>Créditer…</translation>
    </message>
    <message>
        <source>Debit or hold…</source>
        <translation>Débiter ou réserver…</translation>
    </message>
    <message>
        <source>New balance…</source>
        <translation>Nouveau solde…</translation>
    </message>
    <message>
        <source>This profile is read-only: the wallet cannot be credited, debited or changed.</source>
        <translation>Ce profil est en lecture seule&#xa0;: le portefeuille ne peut être ni crédité, ni débité, ni modifié.</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>No transaction yet.</source>
        <translation>Aucune transaction pour l’instant.</translation>
    </message>
    <message>
        <source>1 transaction</source>
        <translation>1 transaction</translation>
    </message>
    <message>
        <source>%1 transactions</source>
        <translation>%1 transactions</translation>
    </message>
    <message>
        <source> (scroll for more)</source>
        <translation> (faites défiler pour la suite)</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Postings</source>
        <translation>Écritures</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
</context>
<context>
    <name>WalletCreditDialog</name>
    <message>
        <source>Credit %1</source>
        <translation>Créditer %1</translation>
    </message>
    <message>
        <source>Debit %1</source>
        <translation>Débiter %1</translation>
    </message>
    <message>
        <source>Money comes from the world account into the balance chosen.</source>
        <translation>L’argent vient du compte world vers le solde choisi.</translation>
    </message>
    <message>
        <source>The amount is held until the hold is confirmed or voided.</source>
        <translation>Le montant est réservé jusqu’à ce que la réservation soit confirmée ou annulée.</translation>
    </message>
    <message>
        <source>The amount leaves the wallet now.</source>
        <translation>Le montant quitte le portefeuille immédiatement.</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>Créditer</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>Réserver</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Débiter</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Montant</translation>
    </message>
    <message>
        <source>Asset</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>As a hold (confirmed or voided later)</source>
        <translation>En réservation (confirmée ou annulée plus tard)</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Facultatif</translation>
    </message>
</context>
<context>
    <name>WalletDetailController</name>
    <message>
        <source>wallet %1%2</source>
        <translation>portefeuille %1%2</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>This profile is read-only.</source>
        <translation>Ce profil est en lecture seule.</translation>
    </message>
    <message>
        <source>No wallet selected.</source>
        <translation>Aucun portefeuille sélectionné.</translation>
    </message>
    <message>
        <source>No hold selected.</source>
        <translation>Aucune réservation sélectionnée.</translation>
    </message>
    <message>
        <source>The amount must be a positive number.</source>
        <translation>Le montant doit être un nombre positif.</translation>
    </message>
</context>
<context>
    <name>WalletDetailDrawer</name>
    <message>
        <source>%1 · ledger %2 · created %3</source>
        <translation>%1 · grand livre %2 · créé le %3</translation>
    </message>
    <message>
        <source>Hold %1 updated.</source>
        <translation>Réservation %1 mise à jour.</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Solde</translation>
    </message>
    <message>
        <source>Empty.</source>
        <translation>Vide.</translation>
    </message>
    <message>
        <source>Named balances</source>
        <translation>Soldes nommés</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Aucun.</translation>
    </message>
    <message>
        <source>expires %1</source>
        <translation>expire le %1</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>priorité %1</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>Réservations</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Clôturée</translation>
    </message>
    <message>
        <source>(no description)</source>
        <translation>(sans description)</translation>
    </message>
    <message>
        <source>%1 of %2 %3</source>
        <translation>%1 sur %2 %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <source>Confirm…</source>
        <translation>Confirmer…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Annuler…</translation>
    </message>
    <message>
        <source>This profile is read-only: holds cannot be confirmed or voided.</source>
        <translation>Ce profil est en lecture seule&#xa0;: les réservations ne peuvent être ni confirmées ni annulées.</translation>
    </message>
    <message>
        <source>Confirm hold %1?</source>
        <translation>Confirmer la réservation %1&#xa0;?</translation>
    </message>
    <message>
        <source>%1 %2 remain held for %3.</source>
        <translation>%1 %2 restent réservés pour %3.</translation>
    </message>
    <message>
        <source>the destination</source>
        <translation>la destination</translation>
    </message>
    <message>
        <source>Confirm hold</source>
        <translation>Confirmer la réservation</translation>
    </message>
    <message>
        <source>All that remains</source>
        <translation>Tout le restant</translation>
    </message>
    <message>
        <source>Part:</source>
        <translation>Une partie&#xa0;:</translation>
    </message>
    <message>
        <source>Amount in %1</source>
        <translation>Montant en %1</translation>
    </message>
    <message>
        <source>Final: return what is not confirmed to the wallet</source>
        <translation>Définitive&#xa0;: rendre au portefeuille ce qui n’est pas confirmé</translation>
    </message>
    <message>
        <source>Void hold %1?</source>
        <translation>Annuler la réservation %1&#xa0;?</translation>
    </message>
    <message>
        <source>%1 %2 go back to the wallet.</source>
        <translation>%1 %2 retournent dans le portefeuille.</translation>
    </message>
    <message>
        <source>Void hold</source>
        <translation>Annuler la réservation</translation>
    </message>
</context>
<context>
    <name>WalletWriteController</name>
    <message>
        <source>No wallet selected.</source>
        <translation>Aucun portefeuille sélectionné.</translation>
    </message>
    <message>
        <source>A wallet needs a name.</source>
        <translation>Un portefeuille doit avoir un nom.</translation>
    </message>
    <message>
        <source>The asset is required (e.g. USD/2).</source>
        <translation>L’actif est obligatoire (p. ex. USD/2).</translation>
    </message>
    <message>
        <source>An asset is upper-case letters and digits, with its decimals after a slash (USD/2).</source>
        <translation>Un actif s’écrit en majuscules et chiffres, suivis de ses décimales après une barre oblique (USD/2).</translation>
    </message>
    <message>
        <source>The amount is required.</source>
        <translation>Le montant est obligatoire.</translation>
    </message>
    <message>
        <source>Not an amount.</source>
        <translation>Ce n’est pas un montant.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Le montant doit être supérieur à zéro.</translation>
    </message>
    <message>
        <source>A balance needs a name.</source>
        <translation>Un solde doit avoir un nom.</translation>
    </message>
    <message>
        <source>“main” is the wallet&apos;s own balance: choose another name.</source>
        <translation>«&#xa0;main&#xa0;» est le solde propre du portefeuille&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <source>Letters, digits, “-” and “_” only.</source>
        <translation>Lettres, chiffres, «&#xa0;-&#xa0;» et «&#xa0;_&#xa0;» uniquement.</translation>
    </message>
    <message>
        <source>A date and time such as 2027-01-31T00:00:00Z.</source>
        <translation>Une date et une heure comme 2027-01-31T00:00:00Z.</translation>
    </message>
    <message>
        <source>A whole number, 0 or more.</source>
        <translation>Un nombre entier, 0 ou plus.</translation>
    </message>
    <message>
        <source>The wallets API cannot remove a metadata key (%1): only add or change keys.</source>
        <translation>L’API wallets ne peut pas supprimer une clé de métadonnées (%1)&#xa0;: seulement ajouter ou modifier des clés.</translation>
    </message>
</context>
<context>
    <name>WalletsPage</name>
    <message>
        <source>Wallets</source>
        <translation>Portefeuilles</translation>
    </message>
    <message>
        <source>Every wallet of the stack, whatever its ledger</source>
        <translation>Tous les portefeuilles de la stack, quel que soit leur grand livre</translation>
    </message>
    <message>
        <source>Exact name</source>
        <translation>Nom exact</translation>
    </message>
    <message>
        <source>New wallet…</source>
        <translation>Nouveau portefeuille…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>No wallet is named “%1”.</source>
        <translation>Aucun portefeuille ne s’appelle «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>No wallets on this stack.</source>
        <translation>Aucun portefeuille sur cette stack.</translation>
    </message>
    <message>
        <source>1 wallet</source>
        <translation>1 portefeuille</translation>
    </message>
    <message>
        <source>%1 wallets</source>
        <translation>%1 portefeuilles</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>Grand livre</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Métadonnées</translation>
    </message>
</context>
<context>
    <name>WebhookConfigController</name>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>This profile is read-only.</source>
        <translation>Ce profil est en lecture seule.</translation>
    </message>
    <message>
        <source>No webhook config selected.</source>
        <translation>Aucune configuration de webhook sélectionnée.</translation>
    </message>
    <message>
        <source>This webhook config no longer exists.</source>
        <translation>Cette configuration de webhook n’existe plus.</translation>
    </message>
    <message>
        <source>A signing secret is 24 random bytes in base64 (32 characters, e.g. from “openssl rand -base64 24”), or empty to let the stack make one.</source>
        <translation>Un secret de signature fait 24 octets aléatoires en base64 (32 caractères, p. ex. obtenus par «&#xa0;openssl rand -base64 24&#xa0;»), ou vide pour laisser la stack en créer un.</translation>
    </message>
    <message>
        <source>The endpoint answered HTTP %1.</source>
        <translation>Le point de terminaison a répondu HTTP %1.</translation>
    </message>
    <message>
        <source>The endpoint could not be reached (no HTTP answer): check the URL and that the receiving service is up.</source>
        <translation>Le point de terminaison est injoignable (aucune réponse HTTP)&#xa0;: vérifiez l’URL et que le service destinataire fonctionne.</translation>
    </message>
    <message>
        <source>The endpoint answered HTTP %1: a delivery needs a 2xx answer.</source>
        <translation>Le point de terminaison a répondu HTTP %1&#xa0;: une livraison exige une réponse 2xx.</translation>
    </message>
    <message>
        <source>The endpoint URL is required.</source>
        <translation>L’URL du point de terminaison est obligatoire.</translation>
    </message>
    <message>
        <source>The endpoint must be an http:// or https:// URL.</source>
        <translation>Le point de terminaison doit être une URL http:// ou https://.</translation>
    </message>
    <message>
        <source>At least one event type is required (e.g. ledger.committed_transactions).</source>
        <translation>Au moins un type d’événement est obligatoire (p. ex. ledger.committed_transactions).</translation>
    </message>
</context>
<context>
    <name>WebhookDetailDrawer</name>
    <message>
        <source>%1 · created %2 · updated %3</source>
        <translation>%1 · créé le %2 · mis à jour le %3</translation>
    </message>
    <message>
        <source>Webhook deleted.</source>
        <translation>Webhook supprimé.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Types d’événements</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Activer</translation>
    </message>
    <message>
        <source>Send a test</source>
        <translation>Envoyer un test</translation>
    </message>
    <message>
        <source>New secret…</source>
        <translation>Nouveau secret…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>This profile is read-only: webhooks cannot be changed, tested or deleted.</source>
        <translation>Ce profil est en lecture seule&#xa0;: les webhooks ne peuvent être ni modifiés, ni testés, ni supprimés.</translation>
    </message>
    <message>
        <source>New signing secret — copy it now, it is not shown again.</source>
        <translation>Nouveau secret de signature — copiez-le maintenant, il ne sera plus affiché.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Last test</source>
        <translation>Dernier test</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Livré</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échouée</translation>
    </message>
    <message>
        <source>status %1 · HTTP %2 · %3</source>
        <translation>statut %1 · HTTP %2 · %3</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>Sent: %1</source>
        <translation>Envoyé&#xa0;: %1</translation>
    </message>
    <message>
        <source>New signing secret</source>
        <translation>Nouveau secret de signature</translation>
    </message>
    <message>
        <source>Receivers must switch to the new secret: signatures made with the old one stop at once.</source>
        <translation>Les destinataires doivent passer au nouveau secret&#xa0;: les signatures faites avec l’ancien cessent immédiatement.</translation>
    </message>
    <message>
        <source>Change secret</source>
        <translation>Changer le secret</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <source>Empty: the stack generates one</source>
        <translation>Vide&#xa0;: la stack en génère un</translation>
    </message>
    <message>
        <source>Delete this webhook?</source>
        <translation>Supprimer ce webhook&#xa0;?</translation>
    </message>
    <message>
        <source>Events stop being sent to %1.</source>
        <translation>Les événements ne sont plus envoyés à %1.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>WebhooksPage</name>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
    <message>
        <source>Where the stack posts its events</source>
        <translation>Où la stack publie ses événements</translation>
    </message>
    <message>
        <source>Exact endpoint URL</source>
        <translation>URL exacte du point de terminaison</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New webhook…</source>
        <translation>Nouveau webhook…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>No webhook posts to “%1”.</source>
        <translation>Aucun webhook ne publie vers «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>No webhooks on this stack.</source>
        <translation>Aucun webhook sur cette stack.</translation>
    </message>
    <message>
        <source>Create one with “New webhook…”.</source>
        <translation>Créez-en un avec «&#xa0;Nouveau webhook…&#xa0;».</translation>
    </message>
    <message>
        <source>1 webhook</source>
        <translation>1 webhook</translation>
    </message>
    <message>
        <source>%1 webhooks</source>
        <translation>%1 webhooks</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pause</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Point de terminaison</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>Types d’événements</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour le</translation>
    </message>
</context>
<context>
    <name>WorkflowConfigCheck</name>
    <message>
        <source>A workflow config is an object: {&quot;name&quot;: …, &quot;stages&quot;: […]}.</source>
        <translation>Une configuration de workflow est un objet&#xa0;: {&quot;name&quot;: …, &quot;stages&quot;: […]}.</translation>
    </message>
    <message>
        <source>“name” is text.</source>
        <translation>«&#xa0;name&#xa0;» est du texte.</translation>
    </message>
    <message>
        <source>“stages” is required: a list of stages.</source>
        <translation>«&#xa0;stages&#xa0;» est obligatoire&#xa0;: une liste d’étapes.</translation>
    </message>
    <message>
        <source>Add at least one stage.</source>
        <translation>Ajoutez au moins une étape.</translation>
    </message>
    <message>
        <source>Stage %1: %2</source>
        <translation>Étape %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>A stage is an object with one key: send, wait_event, delay or update.</source>
        <translation>Une étape est un objet à une seule clé&#xa0;: send, wait_event, delay ou update.</translation>
    </message>
    <message>
        <source>A stage has exactly one key (send, wait_event, delay or update); this one has %1.</source>
        <translation>Une étape a exactement une clé (send, wait_event, delay ou update)&#xa0;; celle-ci en a %1.</translation>
    </message>
    <message>
        <source>“%1” must hold an object.</source>
        <translation>«&#xa0;%1&#xa0;» doit contenir un objet.</translation>
    </message>
    <message>
        <source>A send needs “%1” (an object).</source>
        <translation>Un send a besoin de «&#xa0;%1&#xa0;» (un objet).</translation>
    </message>
    <message>
        <source>A send&apos;s amount needs an “asset” (e.g. &quot;EUR/2&quot;).</source>
        <translation>Le montant d’un send a besoin d’un «&#xa0;asset&#xa0;» (par ex. &quot;EUR/2&quot;).</translation>
    </message>
    <message>
        <source>wait_event needs the “event” to wait for.</source>
        <translation>wait_event a besoin de l’«&#xa0;event&#xa0;» à attendre.</translation>
    </message>
    <message>
        <source>A delay has either a “duration” (e.g. &quot;72h&quot;) or an “until” date.</source>
        <translation>Un delay a soit une «&#xa0;duration&#xa0;» (par ex. &quot;72h&quot;), soit une date «&#xa0;until&#xa0;».</translation>
    </message>
    <message>
        <source>“%1” is not a duration: write it like 30s, 15m, 72h or 1h30m.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une durée&#xa0;: écrivez-la comme 30s, 15m, 72h ou 1h30m.</translation>
    </message>
    <message>
        <source>update needs the “account” to update.</source>
        <translation>update a besoin de l’«&#xa0;account&#xa0;» à mettre à jour.</translation>
    </message>
    <message>
        <source>Unknown stage “%1”: use send, wait_event, delay or update.</source>
        <translation>Étape inconnue «&#xa0;%1&#xa0;»&#xa0;: utilisez send, wait_event, delay ou update.</translation>
    </message>
</context>
<context>
    <name>WorkflowController</name>
    <message>
        <source>No workflow selected.</source>
        <translation>Aucun workflow sélectionné.</translation>
    </message>
    <message>
        <source>Give a value to %1.</source>
        <translation>Donnez une valeur à %1.</translation>
    </message>
</context>
<context>
    <name>WorkflowDrawer</name>
    <message>
        <source>%1 · created %2</source>
        <translation>%1 · créé le %2</translation>
    </message>
    <message>
        <source>Workflow deleted.</source>
        <translation>Workflow supprimé.</translation>
    </message>
    <message>
        <source>Workflow started.</source>
        <translation>Workflow démarré.</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Exécuter…</translation>
    </message>
    <message>
        <source>Edit as new…</source>
        <translation>Modifier comme nouveau…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>This profile is read-only: workflows cannot be run, created or deleted.</source>
        <translation>Ce profil est en lecture seule&#xa0;: les workflows ne peuvent être ni exécutés, ni créés, ni supprimés.</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <source>This workflow never ran.</source>
        <translation>Ce workflow n’a jamais été exécuté.</translation>
    </message>
    <message>
        <source>1 instance</source>
        <translation>1 instance</translation>
    </message>
    <message>
        <source>%1 instances</source>
        <translation>%1 instances</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Démarrée le</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Delete this workflow?</source>
        <translation>Supprimer ce workflow&#xa0;?</translation>
    </message>
    <message>
        <source>“%1” can no longer be run; its instances stay readable.</source>
        <translation>«&#xa0;%1&#xa0;» ne peut plus être exécuté&#xa0;; ses instances restent consultables.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
</context>
<context>
    <name>WorkflowEditorController</name>
    <message>
        <source>Fix the problems in the config first.</source>
        <translation>Corrigez d’abord les problèmes de la configuration.</translation>
    </message>
</context>
<context>
    <name>WorkflowEditorPage</name>
    <message>
        <source>Workflow created.</source>
        <translation>Workflow créé.</translation>
    </message>
    <message>
        <source>Workflow editor</source>
        <translation>Éditeur de workflow</translation>
    </message>
    <message>
        <source>%1 · checked as you type</source>
        <translation>%1 · vérifié pendant la saisie</translation>
    </message>
    <message>
        <source>1 stage</source>
        <translation>1 étape</translation>
    </message>
    <message>
        <source>%1 stages</source>
        <translation>%1 étapes</translation>
    </message>
    <message>
        <source>1 problem</source>
        <translation>1 problème</translation>
    </message>
    <message>
        <source>%1 problems</source>
        <translation>%1 problèmes</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Exemple</translation>
    </message>
    <message>
        <source>Create workflow</source>
        <translation>Créer le workflow</translation>
    </message>
    <message>
        <source>Run…</source>
        <translation>Exécuter…</translation>
    </message>
    <message>
        <source>Workflow config</source>
        <translation>Configuration du workflow</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Ligne %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Config: %1</source>
        <translation>Configuration&#xa0;: %1</translation>
    </message>
    <message>
        <source>Variables: %1</source>
        <translation>Variables&#xa0;: %1</translation>
    </message>
    <message>
        <source>No variables.</source>
        <translation>Aucune variable.</translation>
    </message>
    <message>
        <source>Created workflow %1.</source>
        <translation>Workflow %1 créé.</translation>
    </message>
</context>
<context>
    <name>WorkflowsModel</name>
    <message>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%1 en cours</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 en attente</translation>
    </message>
    <message>
        <source>%1 succeeded</source>
        <translation>%1 réussies</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 échouées</translation>
    </message>
    <message>
        <source>%1 canceled</source>
        <translation>%1 annulées</translation>
    </message>
    <message>
        <source>no instances</source>
        <translation>aucune instance</translation>
    </message>
</context>
<context>
    <name>WorkflowsPage</name>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <source>Stages the stack runs: sends, waits for events, delays</source>
        <translation>Les étapes qu’exécute la stack&#xa0;: envois, attentes d’événements, délais</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>New workflow…</source>
        <translation>Nouveau workflow…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>No workflows on this stack.</source>
        <translation>Aucun workflow sur cette stack.</translation>
    </message>
    <message>
        <source>Create one with “New workflow…”.</source>
        <translation>Créez-en un avec «&#xa0;Nouveau workflow…&#xa0;».</translation>
    </message>
    <message>
        <source>1 workflow</source>
        <translation>1 workflow</translation>
    </message>
    <message>
        <source>%1 workflows</source>
        <translation>%1 workflows</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Étapes</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>YamlSubset</name>
    <message>
        <source>This line is indented more than the list it follows.</source>
        <translation>Cette ligne est plus indentée que la liste qu’elle suit.</translation>
    </message>
    <message>
        <source>A list item where a “key: value” was expected.</source>
        <translation>Un élément de liste là où «&#xa0;clé: valeur&#xa0;» était attendu.</translation>
    </message>
    <message>
        <source>Expected “key: value”.</source>
        <translation>«&#xa0;clé: valeur&#xa0;» attendu.</translation>
    </message>
    <message>
        <source>“%1” is given twice.</source>
        <translation>«&#xa0;%1&#xa0;» est donné deux fois.</translation>
    </message>
    <message>
        <source>Anchors, aliases, tags and multi-line strings are not supported here.</source>
        <translation>Les ancres, alias, étiquettes et chaînes multilignes ne sont pas pris en charge ici.</translation>
    </message>
    <message>
        <source>This line is indented more than the keys above it.</source>
        <translation>Cette ligne est plus indentée que les clés au-dessus.</translation>
    </message>
    <message>
        <source>Unexpected “%1” after the value.</source>
        <translation>«&#xa0;%1&#xa0;» inattendu après la valeur.</translation>
    </message>
    <message>
        <source>“%1” is not closed on this line.</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas fermé sur cette ligne.</translation>
    </message>
    <message>
        <source>Expected “,” or “%1”.</source>
        <translation>«&#xa0;,&#xa0;» ou «&#xa0;%1&#xa0;» attendu.</translation>
    </message>
    <message>
        <source>A quote is not closed.</source>
        <translation>Un guillemet n’est pas fermé.</translation>
    </message>
    <message>
        <source>Expected “key: value” in “{…}”.</source>
        <translation>«&#xa0;clé: valeur&#xa0;» attendu dans «&#xa0;{…}&#xa0;».</translation>
    </message>
    <message>
        <source>Indent with spaces, not tabs.</source>
        <translation>Indentez avec des espaces, pas des tabulations.</translation>
    </message>
    <message>
        <source>The config is empty.</source>
        <translation>La configuration est vide.</translation>
    </message>
    <message>
        <source>This line is outside the config (check its indentation).</source>
        <translation>Cette ligne est en dehors de la configuration (vérifiez son indentation).</translation>
    </message>
</context>
</TS>
