#include "AppOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

AppOptions AppOptions::parse(const QCoreApplication &app) {
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Formance Desk: administration of a Formance Stack."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Start the built-in demo stack and connect to it."));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("Connect with the saved profile <name>."),
                                     QStringLiteral("name"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Render --page offscreen, save it as a PNG to <file> and exit."),
        QStringLiteral("file"));
    const QCommandLineOption page(QStringLiteral("page"), QStringLiteral("The page to show first."),
                                  QStringLiteral("page"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("Window size for --screenshot (default 1280x800)."),
                                  QStringLiteral("WxH"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   QStringLiteral("Colours: system (default), light or dark."),
                                   QStringLiteral("mode"), QStringLiteral("system"));
    const QCommandLineOption checkLayout(
        QStringLiteral("check-layout"),
        QStringLiteral(
            "With --screenshot: also fail when controls overlap or a text is cut without an ellipsis."));
    const QCommandLineOption dumpText(
        QStringLiteral("dump-text"),
        QStringLiteral("With --screenshot: also write every text the window shows to <file>."),
        QStringLiteral("file"));
    const QCommandLineOption language(
        QStringLiteral("lang"),
        QStringLiteral("Language and formats, e.g. fr or en (default: the system's locale)."),
        QStringLiteral("locale"));
    const QCommandLineOption fontScale(
        QStringLiteral("font-scale"),
        QStringLiteral("Text size relative to the default, e.g. 1.5 (default: follows the system font)."),
        QStringLiteral("factor"));
    parser.addOptions(
        {demo, profile, screenshot, page, size, theme, checkLayout, dumpText, language, fontScale});
    parser.process(app);

    AppOptions options;
    options.demo = parser.isSet(demo);
    options.profile = parser.value(profile);
    options.screenshotFile = parser.value(screenshot);
    options.page = parser.value(page);
    options.theme = parser.value(theme);
    options.checkLayout = parser.isSet(checkLayout);
    options.textDumpFile = parser.value(dumpText);
    options.language = parser.value(language);
    if (parser.isSet(fontScale)) {
        bool ok = false;
        options.fontScale = parser.value(fontScale).toDouble(&ok);
        if (!ok || options.fontScale < 0.5 || options.fontScale > 4) {
            fprintf(stderr, "formance-desk: --font-scale expects a factor from 0.5 to 4, e.g. 1.5\n");
            ::exit(2);
        }
    }
    if (!QStringList{QStringLiteral("system"), QStringLiteral("light"), QStringLiteral("dark")}.contains(
            options.theme)) {
        fprintf(stderr, "formance-desk: --theme expects system, light or dark\n");
        ::exit(2);
    }
    if (parser.isSet(size)) {
        const auto m =
            QRegularExpression(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$")).match(parser.value(size));
        if (!m.hasMatch()) {
            fprintf(stderr, "formance-desk: --size expects WIDTHxHEIGHT, e.g. 1280x800\n");
            ::exit(2);
        }
        options.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
    }
    return options;
}
