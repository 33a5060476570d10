// Saves a connection profile the way the Connections page does: its fields in the app's settings,
// its client secret (read from stdin, never from the command line) in the OS keychain. For the
// secrets test, which then runs formance-desk --profile on it.
// usage: desk-save-profile ID NAME SERVER_URL CLIENT_ID < secret
// Exit 0 once the keychain holds the secret; 1 when it could only be kept for this process.
#include "core/ProfileStore.h"
#include "core/SecretStore.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication::setApplicationName(QStringLiteral("formance-desk")); // the app's settings
    QCoreApplication::setOrganizationName(QStringLiteral("Formance"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("formance.com"));
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        fprintf(stderr, "usage: desk-save-profile ID NAME SERVER_URL CLIENT_ID < secret\n");
        return 2;
    }
    Profile profile;
    profile.id = args[1];
    profile.name = args[2];
    profile.serverUrl = args[3];
    profile.clientId = args[4];
    profile.stage = QStringLiteral("staging");
    const QString secret = QTextStream(stdin).readLine();
    ProfileStore().save(profile);
    SecretStore secrets;
    int status = 1;
    secrets.write(profile.id, secret, &app, [&](const SecretStore::Outcome &outcome) {
        if (!outcome.ok || outcome.sessionOnly)
            fprintf(stderr, "desk-save-profile: the keychain did not take the secret: %s\n",
                    qPrintable(outcome.error));
        status = outcome.ok && !outcome.sessionOnly ? 0 : 1;
        app.quit();
    });
    app.exec();
    return status;
}
