#include "NumscriptController.h"

#include "ledger/BalanceDiff.h"
#include "ledger/LedgerInput.h"
#include <Formance/Client.h>
#include <Formance/Money.h>
#include <Formance/json/JsonWriter.h>
#include <Formance/ledger/v2/LedgerV2Api.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

using namespace Formance;
using namespace Formance::Ledger::V2;

namespace {
struct Example {
    const char *name;
    const char *script;
    QVariantMap values;
};

// Real accounts and assets of the demo ledgers (sandbox/src/ledger/DemoSeed.cpp).
QList<Example> examples() {
    return {
        {QT_TRANSLATE_NOOP("NumscriptController", "Deposit with a fee (demo-retail)"),
         "// A customer tops up by card; the platform keeps a fixed fee.\n"
         "vars {\n"
         "  account $user\n"
         "  monetary $deposit\n"
         "}\n"
         "\n"
         "send $deposit (\n"
         "  source = @world\n"
         "  destination = $user\n"
         ")\n"
         "send [USD/2 50] (\n"
         "  source = $user\n"
         "  destination = @platform:fees\n"
         ")\n"
         "set_tx_meta(\"type\", \"deposit\")\n",
         {{"user", "users:0001"}, {"deposit", "USD/2 25.00"}}},
        {QT_TRANSLATE_NOOP("NumscriptController", "Refund a purchase (demo-retail)"),
         "// The merchant pays a customer back.\n"
         "vars {\n"
         "  account $merchant\n"
         "  account $user\n"
         "  monetary $refund\n"
         "}\n"
         "\n"
         "send $refund (\n"
         "  source = $merchant allowing unbounded overdraft\n"
         "  destination = $user\n"
         ")\n"
         "set_tx_meta(\"type\", \"refund\")\n",
         {{"merchant", "merchants:acme"}, {"user", "users:0002"}, {"refund", "USD/2 9.99"}}},
        {QT_TRANSLATE_NOOP("NumscriptController", "Merchant payout (demo-payouts)"),
         "// A merchant's balance leaves for its bank.\n"
         "vars {\n"
         "  account $merchant\n"
         "  number $cents\n"
         "}\n"
         "\n"
         "send [EUR/2 $cents] (\n"
         "  source = $merchant allowing unbounded overdraft\n"
         "  destination = @world\n"
         ")\n"
         "set_tx_meta(\"type\", \"payout\")\n",
         {{"merchant", "merchants:globex"}, {"cents", "1500"}}},
    };
}

// The script with comments blanked out (same length, newlines kept), so offsets keep their line.
QString withoutComments(const QString &script) {
    QString out = script;
    qsizetype i = 0;
    while (i < out.size()) {
        if (out.mid(i, 2) == QLatin1String("//")) {
            while (i < out.size() && out.at(i) != u'\n')
                out[i++] = u' ';
        } else if (out.mid(i, 2) == QLatin1String("/*")) {
            while (i < out.size() && out.mid(i, 2) != QLatin1String("*/")) {
                if (out.at(i) != u'\n')
                    out[i] = u' ';
                ++i;
            }
            for (int k = 0; k < 2 && i < out.size(); ++k)
                out[i++] = u' ';
        } else if (out.at(i) == u'"') {
            ++i;
            while (i < out.size() && out.at(i) != u'"' && out.at(i) != u'\n')
                ++i;
            ++i;
        } else {
            ++i;
        }
    }
    return out;
}
} // namespace

NumscriptController::NumscriptController(QObject *parent)
    : Controller(parent) {
    m_idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // A refusal of the script's call is placed at its line.
    connect(call(), &CallHolder::errorChanged, this, [this] {
        const QString e = error();
        if (e.isEmpty())
            return;
        const auto [line, column] = errorPosition(e);
        if (line > 0)
            setScriptError(e, line, column);
    });
}

QVariantList NumscriptController::declarations(const QString &script) {
    QVariantList out;
    const QString text = withoutComments(script);
    static const QRegularExpression block(QStringLiteral("\\bvars\\s*\\{([^}]*)\\}"));
    const auto m = block.match(text);
    if (!m.hasMatch())
        return out;
    static const QRegularExpression decl(QStringLiteral("\\b([a-z]+)\\s+\\$([A-Za-z0-9_]+)(\\s*=)?"));
    auto it = decl.globalMatch(m.captured(1));
    while (it.hasNext()) {
        const auto d = it.next();
        const qsizetype offset = m.capturedStart(1) + d.capturedStart(0);
        out.append(QVariantMap{{"name", d.captured(2)},
                               {"type", d.captured(1)},
                               {"line", int(text.left(offset).count(u'\n')) + 1},
                               {"computed", !d.captured(3).isEmpty()}});
    }
    return out;
}

std::pair<int, int> NumscriptController::errorPosition(const QString &message) {
    static const QRegularExpression named(
        QStringLiteral("\\bline[:\\s]+(\\d+)(?:\\s*[,:]?\\s*(?:col(?:umn)?[:\\s]+)?(\\d+))?"),
        QRegularExpression::CaseInsensitiveOption);
    if (const auto m = named.match(message); m.hasMatch())
        return {m.captured(1).toInt(), m.captured(2).toInt()};
    static const QRegularExpression pair(QStringLiteral("(?:^|[\\s(\\[])(\\d+):(\\d+)(?=[\\s:)\\]])"));
    if (const auto m = pair.match(message); m.hasMatch())
        return {m.captured(1).toInt(), m.captured(2).toInt() + 0};
    return {0, 0};
}

void NumscriptController::setScript(const QString &script) {
    if (script == m_script)
        return;
    m_script = script;
    const QVariantList declared = declarations(script);
    // Rows change only with the declarations (name, type), never with a line number alone.
    auto shape = [](const QVariantList &l) {
        QStringList s;
        for (const QVariant &v : l)
            s << v.toMap().value("type").toString() + u' ' + v.toMap().value("name").toString() +
                     (v.toMap().value("computed").toBool() ? QStringLiteral("=") : QString());
        return s;
    };
    const bool reshaped = shape(declared) != shape(m_declared);
    m_declared = declared;
    if (reshaped) {
        m_variableRows.clear();
        for (const QVariant &v : declared) {
            QVariantMap row = v.toMap();
            if (row.value("computed").toBool())
                continue;
            row.insert("value", m_values.value(row.value("name").toString()).toString());
            m_variableRows.append(row);
        }
        emit variablesChanged();
    }
    edited();
}

void NumscriptController::setValue(const QString &name, const QString &value) {
    if (m_values.value(name).toString() == value && m_values.contains(name))
        return;
    m_values.insert(name, value);
    edited();
}

void NumscriptController::edited() {
    // Another script or other values are another transaction: a fresh key, no preview.
    m_idempotencyKey = QUuid::createUuid().toString(QUuid::WithoutBraces);
    call()->cancel();
    call()->clearError();
    setPreview({}, {}, false);
    validate();
    emit formChanged();
}

void NumscriptController::setScriptError(const QString &error, int line, int column) {
    if (error == m_scriptError && line == m_errorLine && column == m_errorColumn)
        return;
    m_scriptError = error;
    m_errorLine = line;
    m_errorColumn = column;
    emit scriptErrorChanged();
}

void NumscriptController::setPreview(const QVariantList &postings, const QVariantList &preview,
                                     bool previewed) {
    m_postings = postings;
    m_preview = preview;
    m_previewed = previewed;
    emit previewChanged();
}

void NumscriptController::validate() {
    m_variableErrors.clear();
    QString firstError;
    int firstLine = 0;
    for (const QVariant &v : std::as_const(m_declared)) {
        const QVariantMap d = v.toMap();
        if (d.value("computed").toBool())
            continue;
        const QString name = d.value("name").toString(), type = d.value("type").toString();
        const QString value = m_values.value(name).toString().trimmed();
        QString error;
        if (value.isEmpty()) {
            error = tr("$%1 is declared: give it a value.").arg(name);
        } else if (type == QLatin1String("account")) {
            error = LedgerInput::addressProblem(value.startsWith(u'@') ? value.mid(1) : value, u'$' + name);
        } else if (type == QLatin1String("monetary")) {
            const QStringList parts = value.simplified().split(u' ');
            if (parts.size() != 2)
                error = tr("$%1: write the asset then the amount in its units, e.g. USD/2 12.34.").arg(name);
            else if (!(error = LedgerInput::assetProblem(parts[0])).isEmpty())
                ;
            else
                LedgerInput::positiveAmount(parts[1], parts[0], &error);
        } else if (type == QLatin1String("number")) {
            if (!BigInt::fromString(value))
                error = tr("$%1 is a number: digits only.").arg(name);
        } else if (type == QLatin1String("asset")) {
            error = LedgerInput::assetProblem(value);
        }
        if (!error.isEmpty()) {
            m_variableErrors.insert(name, error);
            if (firstError.isEmpty()) {
                firstError = error;
                firstLine = d.value("line").toInt();
            }
        }
    }
    if (m_script.trimmed().isEmpty())
        setScriptError(QString(), 0, 0);
    else
        setScriptError(firstError, firstLine, 0);
}

bool NumscriptController::valid() const {
    return !m_script.trimmed().isEmpty() && m_variableErrors.isEmpty();
}

std::optional<QVariantMap> NumscriptController::wireVars() const {
    if (!valid())
        return std::nullopt;
    QVariantMap vars;
    for (const QVariant &v : m_declared) {
        const QVariantMap d = v.toMap();
        if (d.value("computed").toBool())
            continue;
        const QString name = d.value("name").toString(), type = d.value("type").toString();
        QString value = m_values.value(name).toString().trimmed();
        if (type == QLatin1String("account") && value.startsWith(u'@'))
            value = value.mid(1);
        if (type == QLatin1String("monetary")) {
            // Typed in the asset's units; the ledger takes the minor units.
            const QStringList parts = value.simplified().split(u' ');
            QString unused;
            value = parts[0] + u' ' + LedgerInput::positiveAmount(parts[1], parts[0], &unused)->toString();
        }
        vars.insert(name, value);
    }
    return vars;
}

bool NumscriptController::startCall(bool dryRun) {
    const auto vars = wireVars();
    if (!vars) {
        call()->setError(m_script.trimmed().isEmpty() ? tr("Write a script first.")
                                                      : tr("Fill the variables first."));
        return false;
    }
    if (!client()) {
        call()->setError(tr("Not connected."));
        return false;
    }
    if (m_ledger.isEmpty()) {
        call()->setError(tr("Choose a ledger first."));
        return false;
    }
    if (!dryRun && !checkWritable())
        return false;
    Json::Writer w;
    w.beginObject();
    for (auto it = vars->cbegin(); it != vars->cend(); ++it) {
        w.key(it.key());
        w.value(it.value().toString());
    }
    w.endObject();
    Models::V2PostTransaction tx;
    tx.script = Models::V2PostTransactionScript{.plain = m_script, .vars = Json::Any::fromJson(w.take())};
    V2CreateTransactionRequest request{.ledger = m_ledger, .body = tx};
    if (dryRun)
        request.dryRun = true;
    else
        request.idempotencyKey = m_idempotencyKey;
    setScriptError(QString(), 0, 0);
    call()->start(client()->ledger().v2().createTransaction(request), [this, dryRun](const auto &body) {
        if (!dryRun) {
            m_committedId = body.data.id.toString();
            emit committedIdChanged();
            emit committed(m_committedId);
            return;
        }
        QVariantList postings;
        QList<BalanceDiff::Move> moves;
        for (const auto &p : body.data.postings) {
            postings.append(QVariantMap{{"source", p.source},
                                        {"destination", p.destination},
                                        {"amount", Money::format(p.amount, p.asset)},
                                        {"asset", p.asset}});
            moves.append({p.source, p.destination, p.asset, p.amount});
        }
        BalanceDiff::compute(call(), client(), m_ledger, moves, [this, postings](const QVariantList &rows) {
            setPreview(postings, rows, true);
        });
    });
    return true;
}

void NumscriptController::dryRun() {
    setPreview({}, {}, false);
    startCall(true);
}

void NumscriptController::commit() {
    startCall(false);
}

void NumscriptController::clear() {
    m_values.clear();
    m_committedId.clear();
    emit committedIdChanged();
    m_script = QStringLiteral("x"); // forces the declarations to be read again
    setScript(QString());
}

// --- the library: saved scripts per profile, and examples ---

QString NumscriptController::libraryFile() const {
    QString key = session() && !session()->profileId().isEmpty() ? session()->profileId()
                  : session() && session()->demo()               ? QStringLiteral("demo")
                                                                 : QStringLiteral("default");
    key.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/numscript/%1.json").arg(key);
}

QVariantList NumscriptController::savedScripts() const {
    QFile f(libraryFile());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll())
        .object()
        .value(QStringLiteral("scripts"))
        .toArray()
        .toVariantList();
}

void NumscriptController::writeSaved(const QVariantList &scripts) {
    const QString path = libraryFile();
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly)) {
        call()->setError(tr("Could not save to %1: %2").arg(path, f.errorString()));
        return;
    }
    f.write(QJsonDocument(QJsonObject{{QStringLiteral("scripts"), QJsonArray::fromVariantList(scripts)}})
                .toJson());
    if (!f.commit())
        call()->setError(tr("Could not save to %1: %2").arg(path, f.errorString()));
    emit libraryChanged();
}

QVariantList NumscriptController::library() const {
    QVariantList out;
    for (const QVariant &v : savedScripts())
        out.append(QVariantMap{{"name", v.toMap().value("name")}, {"example", false}});
    if (!session() || session()->demo())
        for (const Example &e : examples())
            out.append(QVariantMap{{"name", tr(e.name)}, {"example", true}});
    return out;
}

QString NumscriptController::firstExample() const {
    for (const QVariant &v : library())
        if (v.toMap().value("example").toBool())
            return v.toMap().value("name").toString();
    return {};
}

bool NumscriptController::isSaved(const QString &name) const {
    const QVariantList scripts = savedScripts();
    return std::any_of(scripts.cbegin(), scripts.cend(),
                       [&](const QVariant &v) { return v.toMap().value("name").toString() == name; });
}

bool NumscriptController::declares(const QString &type) const {
    return std::any_of(m_variableRows.cbegin(), m_variableRows.cend(),
                       [&](const QVariant &v) { return v.toMap().value("type").toString() == type; });
}

bool NumscriptController::save(const QString &name) {
    const QString n = name.trimmed();
    if (n.isEmpty()) {
        call()->setError(tr("Name the script to save it."));
        return false;
    }
    QVariantList scripts = savedScripts();
    scripts.erase(std::remove_if(scripts.begin(), scripts.end(),
                                 [&](const QVariant &v) { return v.toMap().value("name").toString() == n; }),
                  scripts.end());
    QVariantMap values;
    for (const QVariant &v : std::as_const(m_variableRows))
        values.insert(v.toMap().value("name").toString(),
                      m_values.value(v.toMap().value("name").toString()).toString());
    scripts.append(QVariantMap{{"name", n}, {"plain", m_script}, {"values", values}});
    writeSaved(scripts);
    return error().isEmpty();
}

bool NumscriptController::open(const QString &name) {
    QString plain;
    QVariantMap values;
    bool found = false;
    for (const QVariant &v : savedScripts())
        if (v.toMap().value("name").toString() == name) {
            plain = v.toMap().value("plain").toString();
            values = v.toMap().value("values").toMap();
            found = true;
        }
    if (!found)
        for (const Example &e : examples())
            if (tr(e.name) == name) {
                plain = QString::fromUtf8(e.script);
                values = e.values;
                found = true;
            }
    if (!found)
        return false;
    m_values = values;
    m_variableRows.clear();
    m_declared.clear();
    m_script = QStringLiteral("x");
    setScript(plain);
    // The rows were rebuilt with the loaded values.
    emit variablesChanged();
    return true;
}

bool NumscriptController::remove(const QString &name) {
    QVariantList scripts = savedScripts();
    const auto before = scripts.size();
    scripts.erase(
        std::remove_if(scripts.begin(), scripts.end(),
                       [&](const QVariant &v) { return v.toMap().value("name").toString() == name; }),
        scripts.end());
    if (scripts.size() == before)
        return false;
    writeSaved(scripts);
    return true;
}
