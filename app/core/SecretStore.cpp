#include "SecretStore.h"

#include <QLoggingCategory>
#include <QPointer>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeychain, "formance.app.keychain", QtInfoMsg)

namespace {
QString keyFor(const QString &profileId) {
    return QStringLiteral("profile/%1/client-secret").arg(profileId);
}

bool keychainUnreachable(QKeychain::Error e) {
    return e == QKeychain::NoBackendAvailable || e == QKeychain::AccessDenied || e == QKeychain::OtherError ||
           e == QKeychain::NotImplemented || e == QKeychain::AccessDeniedByUser;
}

QString unreachableMessage(const QString &detail) {
    return QObject::tr("No keychain is available (%1). The secret is kept for this session only and will be "
                       "asked for again next time.")
        .arg(detail);
}
} // namespace

SecretStore::SecretStore(QString service, QObject *parent)
    : QObject(parent)
    , m_service(std::move(service)) {}

void SecretStore::write(const QString &profileId, const QString &secret, QObject *context, Callback done) {
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(keyFor(profileId));
    job->setTextData(secret);
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, profileId, secret, guard, done](QKeychain::Job *) {
                Outcome out;
                if (job->error() == QKeychain::NoError) {
                    m_sessionOnly.remove(profileId);
                    out.ok = true;
                } else {
                    qCWarning(lcKeychain) << "keychain write failed:" << job->error() << job->errorString();
                    m_sessionOnly.insert(profileId, secret);
                    out.ok = true;
                    out.sessionOnly = true;
                    out.error = unreachableMessage(job->errorString());
                }
                if (guard)
                    done(out);
            });
    job->start();
}

void SecretStore::read(const QString &profileId, QObject *context, Callback done) {
    if (m_sessionOnly.contains(profileId)) {
        done(Outcome{true, true, m_sessionOnly.value(profileId), {}});
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(keyFor(profileId));
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [job, guard, done](QKeychain::Job *) {
        Outcome out;
        if (job->error() == QKeychain::NoError) {
            out.ok = true;
            out.secret = job->textData();
        } else if (job->error() == QKeychain::EntryNotFound) {
            out.error = QObject::tr("No secret is saved for this profile.");
        } else {
            qCWarning(lcKeychain) << "keychain read failed:" << job->error() << job->errorString();
            out.sessionOnly = keychainUnreachable(job->error());
            out.error = QObject::tr("The keychain could not be read: %1").arg(job->errorString());
        }
        if (guard)
            done(out);
    });
    job->start();
}

void SecretStore::remove(const QString &profileId, QObject *context, Callback done) {
    m_sessionOnly.remove(profileId);
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(keyFor(profileId));
    QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [job, guard, done](QKeychain::Job *) {
        Outcome out;
        out.ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        if (!out.ok)
            out.error = job->errorString();
        if (guard)
            done(out);
    });
    job->start();
}
