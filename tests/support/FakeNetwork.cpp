#include "FakeNetwork.h"

#include <QDateTime>

QNetworkReply *FakeNetwork::createRequest(Operation op, const QNetworkRequest &request,
                                          QIODevice *outgoingData) {
    SeenRequest seen;
    seen.method = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
    if (seen.method.isEmpty()) {
        switch (op) {
        case GetOperation:
            seen.method = "GET";
            break;
        case HeadOperation:
            seen.method = "HEAD";
            break;
        case PostOperation:
            seen.method = "POST";
            break;
        case PutOperation:
            seen.method = "PUT";
            break;
        case DeleteOperation:
            seen.method = "DELETE";
            break;
        default:
            seen.method = "?";
            break;
        }
    }
    seen.url = request.url();
    for (const QByteArray &name : request.rawHeaderList())
        seen.headers.append({name, request.rawHeader(name)});
    if (outgoingData)
        seen.body = outgoingData->readAll();
    m_requests.append(seen);
    m_times.append(QDateTime::currentMSecsSinceEpoch());
    ScriptedReply script;
    if (m_responder)
        script = m_responder(seen);
    else if (!m_queue.isEmpty())
        script = m_queue.takeFirst();
    else
        script = ScriptedReply::json(
            599, R"({"errorCode":"NO_SCRIPT","errorMessage":"the fake has no more replies"})");
    return new FakeReply(request, op, seen.method, std::move(script), this);
}

FakeReply::FakeReply(const QNetworkRequest &request, QNetworkAccessManager::Operation op,
                     const QByteArray &verb, ScriptedReply script, QObject *parent)
    : QNetworkReply(parent)
    , m_script(std::move(script)) {
    setRequest(request);
    setUrl(request.url());
    setOperation(op);
    setAttribute(QNetworkRequest::CustomVerbAttribute, verb);
    open(QIODevice::ReadOnly);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &FakeReply::deliver);
    if (!m_script.hang)
        m_timer.start(m_script.delayMs);
}

void FakeReply::deliver() {
    if (m_finished)
        return;
    m_finished = true;
    if (m_script.error != QNetworkReply::NoError) {
        setError(m_script.error, QStringLiteral("scripted failure %1").arg(int(m_script.error)));
        emit errorOccurred(m_script.error);
    } else {
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_script.status);
        for (const auto &h : m_script.headers)
            setRawHeader(h.first, h.second);
        m_body = m_script.body;
        emit metaDataChanged();
        emit downloadProgress(m_body.size(), m_body.size());
        emit readyRead();
    }
    setFinished(true);
    emit finished();
}

void FakeReply::abort() {
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    setError(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
    emit errorOccurred(QNetworkReply::OperationCanceledError);
    setFinished(true);
    emit finished();
}

qint64 FakeReply::readData(char *data, qint64 maxSize) {
    const qint64 n = std::min<qint64>(maxSize, m_body.size() - m_pos);
    if (n <= 0)
        return m_finished ? -1 : 0;
    memcpy(data, m_body.constData() + m_pos, size_t(n));
    m_pos += n;
    return n;
}
