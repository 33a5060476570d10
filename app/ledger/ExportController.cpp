#include "ExportController.h"

#include "core/ErrorText.h"
#include "core/ListSupport.h"
#include "ledger/AccountsModel.h"
#include "ledger/TransactionExport.h"
#include "ledger/TransactionsModel.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/Pagination.h>
#include <Formance/json/JsonCodec.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QSaveFile>

using namespace Formance;

namespace {
QByteArray metadataJson(const QMap<QString, QString> &metadata) {
    return Json::encode(metadata);
}
} // namespace

ExportController::ExportController(QObject *parent)
    : Controller(parent) {}

ExportController::~ExportController() {
    cancel();
}

QByteArray ExportController::csvField(const QString &value) {
    QByteArray out;
    TransactionExport::appendCsvField(out, value); // the one quoting rule, shared with transactions
    return out;
}

bool ExportController::begin(const QUrl &url) {
    if (m_running)
        return false;
    call()->clearError();
    m_exported = 0;
    m_badRow.clear();
    if (!client()) {
        call()->setError(tr("Not connected."));
        emit progressChanged();
        return false;
    }
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        call()->setError(tr("Cannot write %1: %2").arg(path, m_file->errorString()));
        m_file.reset();
        emit progressChanged();
        return false;
    }
    m_lastFile = path;
    m_running = true;
    emit progressChanged();
    return true;
}

void ExportController::end(const QString &error) {
    m_running = false;
    m_cancel = {};
    call()->setError(error);
    bool ok = false;
    if (m_file) {
        if (error.isEmpty()) {
            ok = m_file->commit();
            if (!ok)
                call()->setError(
                    tr("Could not finish writing %1: %2").arg(m_lastFile, m_file->errorString()));
        } else {
            m_file->cancelWriting();
            m_file->commit(); // discards the temporary file
        }
        m_file.reset();
    }
    emit progressChanged();
    emit finished(ok);
}

void ExportController::cancel() {
    if (m_running && m_cancel)
        m_cancel();
}

void ExportController::exportTransactions(TransactionsModel *source, const QUrl &file,
                                          const QString &format) {
    if (!source || !begin(file))
        return;
    const auto rows = format == QLatin1String("csv") ? TransactionExport::Format::Csv
                                                     : TransactionExport::Format::JsonLines;
    m_file->write(TransactionExport::header(rows));
    auto request = source->firstPageRequest();
    // A page is formatted into one buffer and written at once, then dropped: nothing is held. The
    // rows come from the parsed answer, without building models (TransactionExport).
    auto call = walkRawPages(*client(), request, 1000, [this, rows](const Json::Value &page) {
        QByteArray out;
        for (const Json::Value tx : page.elements())
            if (!TransactionExport::append(out, tx, rows, &m_badRow))
                return false; // stops the walk: finishWith says why
        m_file->write(out);
        m_exported += page.size();
        emit progressChanged();
        return true;
    });
    finishWith(call);
}

void ExportController::finishWith(Call<PageWalk> call) {
    m_cancel = [call] { call.cancel(); };
    call.then(this, [this](const Result<PageWalk> &r) {
        if (r && !m_badRow.isEmpty())
            end(tr("The stack answered with something that is not a transaction (%1). Nothing was saved.")
                    .arg(m_badRow));
        else
            end(r ? QString()
                  : (r.error().kind() == Error::Kind::Canceled ? tr("Export canceled.")
                                                               : ErrorText::describe(r.error())));
    });
}

void ExportController::exportAccounts(AccountsModel *source, const QUrl &file, const QString &format) {
    if (!source || !begin(file))
        return;
    const bool csv = format == QLatin1String("csv");
    if (csv)
        m_file->write("address,asset,balance_minor_units,balance,metadata\n");
    Ledger::V2::V2ListAccountsRequest request;
    request.ledger = source->ledger();
    request.expand = QStringLiteral("volumes");
    if (!source->addressFilter().trimmed().isEmpty()) {
        request.body =
            Json::Any::fromJson(ListSupport::matchQuery("address", source->addressFilter().trimmed()));
    }
    auto call = walkPages(*client(), request, 1000, [this, csv](const QList<Models::V2Account> &page) {
        for (const auto &a : page) {
            if (csv) {
                const QByteArray meta = csvField(QString::fromUtf8(metadataJson(a.metadata)));
                if (!a.volumes || a.volumes->isEmpty())
                    m_file->write(csvField(a.address) + ",,,," + meta + '\n');
                else
                    for (auto it = a.volumes->cbegin(); it != a.volumes->cend(); ++it) {
                        const BigInt balance =
                            it.value().balance.value_or(it.value().input - it.value().output);
                        m_file->write(csvField(a.address) + ',' + csvField(it.key()) + ',' +
                                      balance.toString().toUtf8() + ',' +
                                      Money::format(balance, it.key()).toUtf8() + ',' + meta + '\n');
                    }
            } else {
                m_file->write(Json::encode(a) + '\n');
            }
        }
        m_exported += page.size();
        emit progressChanged();
        return true;
    });
    finishWith(call);
}
