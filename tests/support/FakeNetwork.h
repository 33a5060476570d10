// A QNetworkAccessManager whose replies are scripted: status, headers, body, delay, a
// transport error, or no answer at all. Replies always finish asynchronously, as real ones do.
#pragma once

#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <functional>

struct ScriptedReply {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
    QByteArray body;
    int delayMs = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError; // a transport failure instead of an answer
    bool hang = false;                                          // never answers

    static ScriptedReply json(int status, QByteArray body) {
        return {status, {{"Content-Type", "application/json"}}, std::move(body)};
    }
    static ScriptedReply failure(QNetworkReply::NetworkError e) {
        ScriptedReply r;
        r.error = e;
        return r;
    }
    static ScriptedReply hanging() {
        ScriptedReply r;
        r.hang = true;
        return r;
    }
};

struct SeenRequest {
    QByteArray method;
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray header(const QByteArray &name) const {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
};

class FakeNetwork : public QNetworkAccessManager {
    Q_OBJECT
public:
    using Responder = std::function<ScriptedReply(const SeenRequest &)>;
    explicit FakeNetwork(QObject *parent = nullptr)
        : QNetworkAccessManager(parent) {}

    void enqueue(ScriptedReply r) { m_queue.append(std::move(r)); }
    void setResponder(Responder r) { m_responder = std::move(r); }
    const QList<SeenRequest> &requests() const { return m_requests; }
    QList<qint64> requestTimesMs() const { return m_times; }

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData) override;

private:
    QList<ScriptedReply> m_queue;
    Responder m_responder;
    QList<SeenRequest> m_requests;
    QList<qint64> m_times;
};

class FakeReply : public QNetworkReply {
    Q_OBJECT
public:
    FakeReply(const QNetworkRequest &request, QNetworkAccessManager::Operation op, const QByteArray &verb,
              ScriptedReply script, QObject *parent);
    void abort() override;
    qint64 bytesAvailable() const override { return m_body.size() - m_pos + QNetworkReply::bytesAvailable(); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;

private:
    void deliver();
    ScriptedReply m_script;
    QByteArray m_body;
    qint64 m_pos = 0;
    QTimer m_timer;
    bool m_finished = false;
};
