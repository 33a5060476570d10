#include "PageServer.h"

#include "PageGenerator.h"

#include <QHash>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QUrlQuery>

namespace FormanceBench {

namespace {
const QByteArray kNextMarker = QByteArrayLiteral("@next-cursor@");
}

PageServer::PageServer(QList<QByteArray> pages)
    : m_pages(std::move(pages))
    , m_total(int(m_pages.size())) {}

PageServer::PageServer(QList<QByteArray> cycle, int totalPages)
    : m_pages(std::move(cycle))
    , m_total(totalPages)
    , m_cycle(true) {}

PageServer::~PageServer() {
    stop();
}

QString PageServer::cursorFor(int page) {
    const QByteArray state = R"({"pageSize":1000,"bottom":null,"column":"id","paginationID":)" +
                             QByteArray::number(page) +
                             R"(,"order":1,"options":{"expand":["volumes"]},"reverse":false})";
    return QString::fromLatin1(state.toBase64(QByteArray::Base64UrlEncoding));
}

QList<QByteArray> PageServer::renderPages(int pages, int perPage) {
    QList<QByteArray> out;
    for (int i = 0; i < pages; ++i) {
        PageSpec spec;
        spec.page = i;
        spec.transactions = perPage;
        if (i + 1 < pages)
            spec.next = cursorFor(i + 1);
        if (i > 0)
            spec.previous = cursorFor(i - 1);
        out.append(transactionsPage(spec));
    }
    return out;
}

QList<QByteArray> PageServer::renderCyclePages(int pages, int perPage) {
    QList<QByteArray> out;
    for (int i = 0; i < pages; ++i) {
        PageSpec spec;
        spec.page = i;
        spec.transactions = perPage;
        spec.next = QString::fromLatin1(kNextMarker);
        out.append(transactionsPage(spec));
    }
    return out;
}

QByteArray PageServer::body(int page) const {
    if (!m_cycle)
        return m_pages.at(page);
    QByteArray out = m_pages.at(page % m_pages.size());
    if (page + 1 < m_total)
        return out.replace(kNextMarker, cursorFor(page + 1).toLatin1());
    return out.replace(",\"next\":\"" + kNextMarker + '"', QByteArray())
        .replace("\"hasMore\":true", "\"hasMore\":false");
}

quint16 PageServer::start() {
    QThread::start();
    while (!m_ready.load())
        QThread::usleep(200);
    return m_port.load();
}

void PageServer::stop() {
    if (isRunning()) {
        quit();
        wait();
    }
}

void PageServer::run() {
    QHash<QString, int> cursors; // the cursor of each page but the first
    for (int i = 1; i < m_total; ++i)
        cursors.insert(cursorFor(i), i);
    QHttpServer server;
    server.route(QStringLiteral("/api/ledger/v2/<arg>/transactions"), QHttpServerRequest::Method::Get,
                 [this, &cursors](const QString &, const QHttpServerRequest &req) {
                     ++m_requests;
                     const QString cursor = QUrlQuery(req.url()).queryItemValue(QStringLiteral("cursor"));
                     int page = 0;
                     if (!cursor.isEmpty())
                         page = cursors.value(cursor, -1);
                     if (page < 0 || page >= m_total)
                         return QHttpServerResponse(
                             QByteArray("application/json"),
                             QByteArray(R"({"errorCode":"VALIDATION","errorMessage":"invalid cursor"})"),
                             QHttpServerResponse::StatusCode::BadRequest);
                     return QHttpServerResponse(QByteArray("application/json"), body(page));
                 });
    // As a stack answers it: the client learns the API generation once, as against a real stack
    // (unanswered, the versions lookup cost the paging benchmark about 50 ms a page).
    server.route(QStringLiteral("/versions"), QHttpServerRequest::Method::Get, [] {
        return QHttpServerResponse(
            QByteArray("application/json"),
            QByteArray(
                R"({"region":"bench","env":"bench","versions":[{"name":"ledger","version":"v2.2.0","health":true}]})"));
    });
    m_port = server.listen(QHostAddress::LocalHost, 0);
    m_ready = true;
    if (m_port.load() != 0)
        exec();
}

} // namespace FormanceBench
