// Profiles and their secrets against a real Secret Service (gnome-keyring in the D-Bus session
// that scripts/run-tests.sh starts): the secret reaches the keychain and nowhere else.
#include "connection/ProfilesModel.h"
#include "core/ProfileStore.h"
#include "core/SecretStore.h"

#include <QAbstractItemModelTester>
#include <QDirIterator>
#include <QLoggingCategory>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kSecret = QStringLiteral("Zx9-keychain-only-0a1b2c");

QString readAll(const QString &folder) {
    QString all;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            all += QString::fromUtf8(f.readAll());
    }
    return all;
}
} // namespace

class TestProfilesKeychain : public QObject {
    Q_OBJECT
    QStringList m_log;
    static TestProfilesKeychain *s_self;
    static void capture(QtMsgType, const QMessageLogContext &, const QString &msg) {
        s_self->m_log.append(msg);
    }

private slots:
    void initTestCase() {
        s_self = this;
        qInstallMessageHandler(capture);
        QLoggingCategory::setFilterRules(QStringLiteral("formance.*.debug=true"));
    }

    void profileValidation() {
        Profile p;
        QVERIFY(!p.validate().isEmpty()); // no name
        p.name = QStringLiteral("Prod");
        QVERIFY(p.validate().contains(QStringLiteral("server URL")));
        p.serverUrl = QStringLiteral("ftp://x");
        QVERIFY(p.validate().contains(QStringLiteral("https://")));
        p.serverUrl = QStringLiteral("https://stack.example.com");
        QVERIFY(p.validate().isEmpty());
        p.stage = QStringLiteral("prod");
        QVERIFY(!p.validate().isEmpty());
    }

    void secretGoesToTheKeychainOnly() {
        QTemporaryDir config;
        const QString settingsPath = config.filePath(QStringLiteral("desk.conf"));
        ProfileStore store(std::make_unique<QSettings>(settingsPath, QSettings::IniFormat));
        SecretStore secrets(QStringLiteral("formance-desk-tests"));
        ProfilesModel model(&store, &secrets);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

        QSignalSpy saved(&model, &ProfilesModel::secretSaved);
        const QString error = model.save({{"name", "Production EU"},
                                          {"serverUrl", "https://stack.example.com"},
                                          {"clientId", "desk"},
                                          {"stage", "production"}},
                                         kSecret);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(saved.wait(10000));
        const QString id = saved.first().at(0).toString();
        QCOMPARE(saved.first().at(1).toBool(), false); // stored in the keychain, not session-only

        // Read back from the Secret Service itself.
        SecretStore fresh(QStringLiteral("formance-desk-tests"));
        QString readBack;
        bool done = false;
        fresh.read(id, this, [&](const SecretStore::Outcome &out) {
            QVERIFY2(out.ok, qPrintable(out.error));
            readBack = out.secret;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 10000));
        QCOMPARE(readBack, kSecret);

        // Nowhere in the settings, the config folders, or the log.
        store.save(store.load().first()); // flush
        QVERIFY(QFile::exists(settingsPath));
        QVERIFY(!readAll(config.path()).contains(kSecret));
        const QString configHome = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        QVERIFY(!readAll(configHome).contains(kSecret));
        QVERIFY(!m_log.join(u'\n').contains(kSecret));
        QCOMPARE(model.get(0).value("clientId").toString(), QStringLiteral("desk"));
        QCOMPARE(model.get(0).value("stage").toString(), QStringLiteral("production"));

        // Removing the profile removes its secret.
        model.remove(id);
        QCOMPARE(model.rowCount(), 0);
        bool gone = false;
        QTest::qWait(200);
        fresh.read(id, this, [&](const SecretStore::Outcome &out) {
            QVERIFY(!out.ok);
            gone = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return gone; }, 10000));
    }

    // Run twice by CTest: inside the test D-Bus session (the keychain answers) and with no
    // session bus at all (it cannot): then the secret is kept for this session only, and said so.
    void secretWithOrWithoutAKeychain() {
        const bool noBus = qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
        SecretStore secrets(QStringLiteral("formance-desk-tests"));
        SecretStore::Outcome written;
        bool done = false;
        secrets.write(QStringLiteral("p1"), kSecret, this, [&](const SecretStore::Outcome &o) {
            written = o;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QVERIFY(written.ok);
        QCOMPARE(written.sessionOnly, noBus);
        if (noBus)
            QVERIFY2(written.error.contains(QStringLiteral("No keychain is available")),
                     qPrintable(written.error));
        // Either way the same store reads it back during this session...
        done = false;
        SecretStore::Outcome read;
        secrets.read(QStringLiteral("p1"), this, [&](const SecretStore::Outcome &o) {
            read = o;
            done = true;
        });
        QVERIFY(QTest::qWaitFor([&] { return done; }, 20000));
        QCOMPARE(read.secret, kSecret);
        // ...and without a keychain, nothing was written anywhere for a next session.
        if (noBus) {
            QVERIFY(!readAll(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
                         .contains(kSecret));
            QVERIFY(!readAll(QDir::homePath()).contains(kSecret));
        }
    }

    void invalidProfileIsRefusedWithAReason() {
        QTemporaryDir config;
        ProfileStore store(
            std::make_unique<QSettings>(config.filePath(QStringLiteral("d.conf")), QSettings::IniFormat));
        SecretStore secrets(QStringLiteral("formance-desk-tests"));
        ProfilesModel model(&store, &secrets);
        QVERIFY(!model.save({{"name", "x"}, {"serverUrl", "not a url"}}, kSecret).isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }
};
TestProfilesKeychain *TestProfilesKeychain::s_self = nullptr;

QTEST_MAIN(TestProfilesKeychain)
#include "tst_profiles_keychain.moc"
