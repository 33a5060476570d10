// formance-sandbox: a Formance-compatible stack on loopback, for demos and end-to-end tests.
#include "Server.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("formance-sandbox"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    const auto options = Formance::Sandbox::Options::fromArguments(app.arguments().mid(1), &error);
    if (!options) {
        if (error.isEmpty()) { // --help
            out << Formance::Sandbox::Options::usage();
            return 0;
        }
        err << "formance-sandbox: " << error << "\n" << Formance::Sandbox::Options::usage();
        return 2;
    }
    Formance::Sandbox::Server server;
    const auto port = server.start(*options, &error);
    if (!port) {
        err << "formance-sandbox: " << error << "\n";
        return 1;
    }
    out << "listening on http://" << options->address.toString() << ":" << *port << "\n";
    out.flush();
    std::signal(SIGINT, [](int) { QCoreApplication::quit(); });
    std::signal(SIGTERM, [](int) { QCoreApplication::quit(); });
    return app.exec();
}
