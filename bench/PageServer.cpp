#include "PageServer.h"

#include "PageGenerator.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QUrlQuery>

namespace FormanceBench {

PageServer::PageServer(QList<QByteArray> pages)
    : m_pages(std::move(pages)) {}

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
    QHttpServer server;
    server.route(QStringLiteral("/api/ledger/v2/<arg>/transactions"), QHttpServerRequest::Method::Get,
                 [this](const QString &, const QHttpServerRequest &req) {
                     ++m_requests;
                     const QString cursor = QUrlQuery(req.url()).queryItemValue(QStringLiteral("cursor"));
                     int page = 0;
                     if (!cursor.isEmpty()) {
                         page = -1;
                         for (int i = 1; i < m_pages.size(); ++i)
                             if (cursorFor(i) == cursor)
                                 page = i;
                     }
                     if (page < 0 || page >= m_pages.size())
                         return QHttpServerResponse(
                             QByteArray("application/json"),
                             QByteArray(R"({"errorCode":"VALIDATION","errorMessage":"invalid cursor"})"),
                             QHttpServerResponse::StatusCode::BadRequest);
                     return QHttpServerResponse(QByteArray("application/json"), m_pages.at(page));
                 });
    m_port = server.listen(QHostAddress::LocalHost, 0);
    m_ready = true;
    if (m_port.load() != 0)
        exec();
}

} // namespace FormanceBench
