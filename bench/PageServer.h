// A local ledger for the paging benchmark: a QHttpServer on 127.0.0.1 (port 0), on its own thread,
// serving pre-rendered listTransactions pages that chain through `next` cursors, as the ledger does.
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QThread>

#include <atomic>

namespace FormanceBench {

class PageServer : public QThread {
public:
    // pages[i] is served for the first request (no cursor) when i == 0, else for cursor cursorFor(i).
    explicit PageServer(QList<QByteArray> pages);
    // A long ledger from a few pages: `totalPages` pages whose bodies cycle through
    // renderCyclePages(n) (ids repeat every n pages), each with its own `next` cursor. For the
    // export benchmark, which pages a million transactions without holding a gigabyte of pages.
    PageServer(QList<QByteArray> cycle, int totalPages);
    ~PageServer() override;

    // Starts listening; returns the port, or 0 when the server could not start.
    quint16 start();
    void stop();
    qint64 requests() const { return m_requests.load(); }

    // The opaque cursor that names page i (a base64 blob like the ledger's).
    static QString cursorFor(int page);
    // `pages` pages of `perPage` transactions, each pointing at the next.
    static QList<QByteArray> renderPages(int pages, int perPage = 1000);
    // `pages` distinct pages for the cycling server, their `next` left to fill in when served.
    static QList<QByteArray> renderCyclePages(int pages, int perPage = 1000);

protected:
    void run() override;

private:
    QByteArray body(int page) const;

    QList<QByteArray> m_pages;
    int m_total = 0;      // pages served
    bool m_cycle = false; // m_pages are renderCyclePages(): fill in `next`
    std::atomic<quint16> m_port{0};
    std::atomic<bool> m_ready{false};
    std::atomic<qint64> m_requests{0};
};

} // namespace FormanceBench
