// Inflates an answer's Content-Encoding (gzip, deflate) as it arrives, with limits Qt's own
// decoding lacks: Qt 6.4 inflates on the thread that owns the reply (the GUI thread) and let a
// 1 MB gzip bomb inflate all of its gigabyte there, seconds of work in 50 ms slices. This stops
// at the answer's size limit, and as soon as the output outgrows the input by more than any JSON
// does, after a few kilobytes of a bomb. Private to the SDK: Transport asks for "gzip, deflate"
// itself, which turns Qt's decoding off, and feeds what the reply reads through one of these.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace Formance::Detail {

class ContentDecoder {
public:
    // Output past this much is checked against kMaxRatio: below it, any ratio is allowed (a short
    // answer of repeated text compresses very well and is harmless).
    static constexpr qint64 kRatioCheckFrom = 1024 * 1024;
    // JSON pages compress 5 to 30 times; a run of zeros, over a thousand.
    static constexpr qint64 kMaxRatio = 200;

    // The decoder for an answer's Content-Encoding header: nullptr for none (or "identity");
    // a decoder that fails at once, with the reason, for one this client does not read.
    static std::unique_ptr<ContentDecoder> forEncoding(const QByteArray &contentEncoding);
    ~ContentDecoder();
    ContentDecoder(const ContentDecoder &) = delete;
    ContentDecoder &operator=(const ContentDecoder &) = delete;

    // Appends what `in` inflates to `out`. False on a broken stream, an unknown encoding, output
    // past `maxOutput` (when > 0) or a ratio no JSON has; error() then says which.
    bool feed(QByteArrayView in, QByteArray &out, qint64 maxOutput);
    // Whether any encoded byte came, and whether the stream ended where it should (a cut answer
    // did not).
    bool started() const { return m_fed; }
    bool complete() const { return m_ended; }
    const QString &error() const { return m_error; }
    bool tooLarge() const { return m_tooLarge; }

private:
    struct Stream;
    explicit ContentDecoder(QByteArray encoding);
    bool fail(const QString &why);

    QByteArray m_encoding;
    std::unique_ptr<Stream> m_stream;
    qint64 m_in = 0;
    qint64 m_out = 0;
    QString m_error;
    bool m_fed = false;
    bool m_ended = false;
    bool m_tooLarge = false;
};

} // namespace Formance::Detail
