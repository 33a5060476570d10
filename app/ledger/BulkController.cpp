#include "BulkController.h"

#include "ledger/BalanceDiff.h"
#include "ledger/LedgerInput.h"
#include "ledger/TransactionsModel.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/json/JsonCodec.h>
#include <Formance/json/JsonDocument.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QCoreApplication>
#include <QFile>
#include <QUuid>

using namespace Formance;
using namespace Formance::Ledger::V2;

// --- rows ---

QVariant BulkRowsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BulkRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SummaryRole:
        return r.summary;
    case LineRole:
        return r.line;
    case ProblemRole:
        return r.problem;
    case StateRole:
        switch (r.state) {
        case BulkRow::State::Bad:
            return QStringLiteral("bad");
        case BulkRow::State::Ready:
            return QStringLiteral("ready");
        case BulkRow::State::Posted:
            return QStringLiteral("posted");
        case BulkRow::State::Failed:
            return QStringLiteral("failed");
        case BulkRow::State::NotTried:
            return QStringLiteral("notTried");
        }
        return {};
    case ResultRole:
        return r.result;
    default:
        return {};
    }
}

QHash<int, QByteArray> BulkRowsModel::roleNames() const {
    return {{LineRole, "line"},
            {SummaryRole, "summary"},
            {ProblemRole, "problem"},
            {StateRole, "rowState"},
            {ResultRole, "result"}};
}

void BulkRowsModel::setRows(QList<BulkRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void BulkRowsModel::update(int i, BulkRow::State state, const QString &result) {
    m_rows[i].state = state;
    m_rows[i].result = result;
    emit dataChanged(index(i), index(i), {StateRole, ResultRole});
}

// --- parsing ---

namespace {
// One CSV record: fields split at commas, "quoted" fields may hold commas and "" quotes.
QStringList csvFields(const QString &line) {
    QStringList out;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            out << field.trimmed();
            field.clear();
        } else {
            field += c;
        }
    }
    out << field.trimmed();
    return out;
}

// Checks one row's postings and fields; the first problem found, or "".
QString check(BulkRow &row, const QList<QStringList> &typed) {
    if (typed.isEmpty())
        return BulkController::tr("no posting (source, destination, amount, asset)");
    for (const QStringList &p : typed) {
        const QString &source = p[0], &destination = p[1], &amount = p[2], &asset = p[3];
        if (QString e = LedgerInput::addressProblem(source, BulkController::tr("source")); !e.isEmpty())
            return e;
        if (QString e = LedgerInput::addressProblem(destination, BulkController::tr("destination"));
            !e.isEmpty())
            return e;
        if (QString e = LedgerInput::assetProblem(asset); !e.isEmpty())
            return e;
        QString error;
        const auto value = LedgerInput::positiveAmount(amount, asset, &error);
        if (!value)
            return BulkController::tr("amount “%1” %2: %3").arg(amount, asset, error);
        row.postings.append({source, destination, asset, *value});
    }
    if (!row.timestamp.isEmpty()) {
        bool ok = true;
        TransactionsModel::parseTimeInput(row.timestamp, &ok);
        if (!ok)
            return BulkController::tr("timestamp “%1” should look like 2024-11-13T10:20:30Z")
                .arg(row.timestamp);
    }
    return {};
}

QString summaryOf(const QList<QStringList> &typed, const QString &reference) {
    if (typed.isEmpty())
        return {};
    const QStringList &p = typed.first();
    QString s = QStringLiteral("%1 → %2  %3 %4").arg(p[0], p[1], p[2], p[3]);
    if (typed.size() > 1)
        s += BulkController::tr(" (+%1 postings)").arg(typed.size() - 1);
    if (!reference.isEmpty())
        s += QStringLiteral(" · ") + reference;
    return s;
}

// A JSON field as the text typed: a number keeps its exact digits (never a double).
QString textOf(const Json::Value &v) {
    if (v.isNumber())
        return QString::fromUtf8(v.numberText().data(), qsizetype(v.numberText().size()));
    return v.toString();
}
} // namespace

QList<BulkRow> BulkController::parse(const QString &text, QString *format) {
    QList<BulkRow> rows;
    const QStringList lines = text.split(u'\n');
    qsizetype first = 0;
    while (first < lines.size() && lines.at(first).trimmed().isEmpty())
        ++first;
    if (first == lines.size()) {
        *format = QString();
        return rows;
    }
    const bool jsonl = lines.at(first).trimmed().startsWith(u'{');
    *format = jsonl ? QStringLiteral("jsonl") : QStringLiteral("csv");
    QStringList header;
    for (qsizetype i = first; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        BulkRow row;
        row.line = int(i) + 1;
        QList<QStringList> typed;
        if (jsonl) {
            QString error;
            const auto doc = Json::Document::parse(line.toUtf8(), &error);
            if (!doc || !doc->root().isObject()) {
                row.problem = tr("not a JSON object: %1").arg(error.isEmpty() ? tr("expected {…}") : error);
            } else {
                const Json::Value o = doc->root();
                auto postingOf = [](const Json::Value &p) {
                    return QStringList{p["source"].toString().trimmed(),
                                       p["destination"].toString().trimmed(), textOf(p["amount"]).trimmed(),
                                       p["asset"].toString().trimmed()};
                };
                if (o["postings"].isArray())
                    for (const Json::Value &p : o["postings"].elements())
                        typed.append(postingOf(p));
                else if (o["source"].isValid() || o["destination"].isValid())
                    typed.append(postingOf(o));
                row.reference = o["reference"].toString();
                row.timestamp = o["timestamp"].toString();
                for (const auto &[key, value] : o["metadata"].members())
                    row.metadata.insert(QString::fromUtf8(key.data(), qsizetype(key.size())), textOf(value));
                row.problem = check(row, typed);
            }
        } else if (header.isEmpty()) {
            header = csvFields(line);
            for (QString &h : header)
                h = h.toLower();
            const QStringList needed = {QStringLiteral("source"), QStringLiteral("destination"),
                                        QStringLiteral("amount"), QStringLiteral("asset")};
            for (const QString &n : needed)
                if (!header.contains(n)) {
                    row.problem = tr("the header line needs the columns source, destination, amount, asset");
                    rows.append(row);
                    return rows;
                }
            continue;
        } else {
            const QStringList f = csvFields(line);
            if (f.size() != header.size()) {
                row.problem = tr("%1 fields where the header has %2").arg(f.size()).arg(header.size());
            } else {
                auto field = [&](const char *name) { return f.value(header.indexOf(QLatin1String(name))); };
                typed.append({field("source"), field("destination"), field("amount"), field("asset")});
                row.reference = field("reference");
                row.timestamp = field("timestamp");
                for (qsizetype c = 0; c < header.size(); ++c)
                    if (header.at(c).startsWith(QLatin1String("metadata.")) && !f.at(c).isEmpty())
                        row.metadata.insert(header.at(c).mid(9), f.at(c));
                row.problem = check(row, typed);
            }
        }
        row.summary =
            row.problem.isEmpty() || !typed.isEmpty() ? summaryOf(typed, row.reference) : line.left(80);
        if (row.summary.isEmpty())
            row.summary = line.left(80);
        row.state = row.problem.isEmpty() ? BulkRow::State::Ready : BulkRow::State::Bad;
        if (!row.problem.isEmpty())
            row.postings.clear();
        rows.append(row);
    }
    return rows;
}

// --- the controller ---

BulkController::BulkController(QObject *parent)
    : Controller(parent)
    , m_rows(new BulkRowsModel(this))
    , m_bulk(new CallGroup(this)) {
    connect(m_bulk, &CallGroup::busyChanged, this, &Controller::busyChanged);
}

void BulkController::setText(const QString &text) {
    if (text == m_text && !m_text.isEmpty())
        return;
    m_text = text;
    m_source = QString();
    m_bulk->cancel();
    call()->cancel();
    call()->clearError();
    // A new import: new idempotency keys; the same import sent again keeps its keys.
    m_importKey = QUuid::createUuid().toString(QUuid::Id128);
    m_rows->setRows(parse(text, &m_format));
    m_sent = false;
    setPreview({}, false);
    emit rowsChanged();
    emit resultsChanged();
}

bool BulkController::loadFile(const QUrl &url) {
    QFile f(url.isLocalFile() ? url.toLocalFile() : url.toString());
    if (!f.open(QIODevice::ReadOnly)) {
        call()->setError(tr("Could not read %1: %2").arg(f.fileName(), f.errorString()));
        return false;
    }
    setText(QString::fromUtf8(f.readAll()));
    m_source = f.fileName();
    emit rowsChanged();
    return true;
}

void BulkController::sessionChangedEvent() {
    // The policy follows the generation, known once getVersions answered.
    if (session())
        connect(session(), &Session::servicesChanged, this, &BulkController::policyChanged,
                Qt::UniqueConnection);
    emit policyChanged();
}

int BulkController::countState(BulkRow::State s) const {
    return int(std::count_if(m_rows->rows().cbegin(), m_rows->rows().cend(),
                             [s](const BulkRow &r) { return r.state == s; }));
}

int BulkController::bad() const {
    return countState(BulkRow::State::Bad);
}

int BulkController::ready() const {
    return total() - bad();
}

QStringList BulkController::problems() const {
    QStringList out;
    for (const BulkRow &r : m_rows->rows())
        if (r.state == BulkRow::State::Bad)
            out << tr("line %1: %2").arg(r.line).arg(r.problem);
    return out;
}

void BulkController::setPreview(const QVariantList &rows, bool previewed) {
    m_preview = rows;
    m_previewed = previewed;
    m_overdrawn = int(BalanceDiff::overdrawn(rows).size());
    emit previewChanged();
}

BulkController::Policy BulkController::bulkPolicy() const {
    const auto g = session() ? session()->generation(QStringLiteral("ledger")) : std::nullopt;
    // Both generations apply the elements one by one, each on its own; the good rows are sent
    // with continueOnFailure so one refused element (insufficient funds) never holds back the
    // others, and each answer says which element failed and why.
    if (g == ApiGeneration::V3_0)
        return {true, tr("Ledger v2.2: each row is its own transaction with its own log. A row the ledger "
                         "refuses is listed with its error; the rows before and after it are still posted "
                         "(continueOnFailure). Sending again sends only the rows not posted yet, each "
                         "with its idempotency key.")};
    if (!g)
        return {true,
                tr("Rows are applied one by one, each on its own: a row the ledger refuses is listed with "
                   "its error and the others are still applied (continueOnFailure).")};
    return {true,
            tr("Ledger v2.1: rows are applied one by one, each on its own. A row the ledger refuses is "
               "listed with its error; the rows before it stay posted and the ones after it are still "
               "applied (continueOnFailure). Sending again sends only the rows not posted yet, each with "
               "its idempotency key.")};
}

QString BulkController::policy() const {
    return bulkPolicy().description;
}

void BulkController::dryRun() {
    if (!client()) {
        call()->setError(tr("Not connected."));
        return;
    }
    if (m_ledger.isEmpty()) {
        call()->setError(tr("Choose a ledger first."));
        return;
    }
    QList<BalanceDiff::Move> moves;
    for (const BulkRow &r : m_rows->rows())
        if (r.state != BulkRow::State::Bad)
            for (const auto &p : r.postings)
                moves.append({p.source, p.destination, p.asset, p.amount});
    if (moves.isEmpty()) {
        call()->setError(tr("No row to preview."));
        return;
    }
    setPreview({}, false);
    BalanceDiff::compute(call(), client(), m_ledger, moves,
                         [this](const QVariantList &rows) { setPreview(rows, true); });
}

void BulkController::send() {
    if (!checkWritable())
        return;
    if (m_ledger.isEmpty()) {
        call()->setError(tr("Choose a ledger first."));
        return;
    }
    QList<int> sent; // row index of each element
    Models::V2Bulk elements;
    for (int i = 0; i < m_rows->rows().size(); ++i) {
        const BulkRow &r = m_rows->rows().at(i);
        if (r.state == BulkRow::State::Bad || r.state == BulkRow::State::Posted)
            continue;
        Models::V2PostTransaction tx;
        QList<Models::V2Posting> postings;
        for (const auto &p : r.postings)
            postings.append(
                {.amount = p.amount, .asset = p.asset, .destination = p.destination, .source = p.source});
        tx.postings = postings;
        if (!r.reference.isEmpty())
            tx.reference = r.reference;
        for (auto it = r.metadata.cbegin(); it != r.metadata.cend(); ++it)
            tx.metadata.insert(it.key(), it.value());
        bool ok = true;
        if (auto t = TransactionsModel::parseTimeInput(r.timestamp, &ok))
            tx.timestamp = *t;
        elements.append(
            Models::V2BulkElementCreateTransaction{.action = QStringLiteral("CREATE_TRANSACTION"),
                                                   .ik = QStringLiteral("%1-%2").arg(m_importKey).arg(r.line),
                                                   .data = tx});
        sent.append(i);
    }
    if (elements.isEmpty()) {
        call()->setError(tr("No row left to send."));
        return;
    }
    call()->clearError();
    const Policy policy = bulkPolicy();
    V2CreateBulkRequest request{
        .ledger = m_ledger, .continueOnFailure = policy.continueOnFailure, .body = elements};
    m_bulk->begin([this] {
        m_sent = true;
        emit resultsChanged();
        emit done();
    });
    m_bulk->add(client()->ledger().v2().createBulk(request), [this, sent](const auto &result) {
        // A bulk with a failed element answers 400 with the same per-element body.
        Models::V2BulkResponse body;
        if (result) {
            body = result->body;
        } else if (!Json::decode(result.error().body(), body).ok) {
            call()->setError(ErrorText::describe(result.error(), session()->serverUrl()));
            return;
        }
        for (int k = 0; k < sent.size(); ++k) {
            if (k >= body.data.size()) {
                m_rows->update(sent[k], BulkRow::State::NotTried,
                               tr("not applied: an element before it failed"));
                continue;
            }
            const auto &element = body.data.at(k);
            if (const auto *created = element.template get<Models::V2BulkElementResultCreateTransaction>())
                m_rows->update(sent[k], BulkRow::State::Posted, created->data.id.toString());
            else if (const auto *failed = element.template get<Models::V2BulkElementResultError>())
                m_rows->update(sent[k], BulkRow::State::Failed,
                               failed->errorCode + QStringLiteral(": ") + failed->errorDescription);
            else
                m_rows->update(sent[k], BulkRow::State::Failed, tr("an answer this app does not know"));
        }
    });
}
