// The response decoders of the ten largest generated models (by members: transfer initiations,
// payments, workflow stages, accounts, reconciliations, webhook attempts) and of the ledger's
// transaction page. The first byte picks the model, the rest is the body of a 200 answer: it is
// decoded or refused with a Decode error naming a JSON path; a decoded model encodes to JSON that
// decodes to an equal model; the one-pass reader and the tree readers agree.
#include "FuzzSupport.h"

#include <Formance/ResponseDecoding.h>
#include <Formance/models/Attempt.h>
#include <Formance/models/BankAccount.h>
#include <Formance/models/OrchestrationPayment.h>
#include <Formance/models/Payment.h>
#include <Formance/models/PaymentsAccount.h>
#include <Formance/models/Reconciliation.h>
#include <Formance/models/TransferInitiation.h>
#include <Formance/models/V2Payment.h>
#include <Formance/models/V2TransactionsCursorResponse.h>
#include <Formance/models/V2WorkflowInstanceHistoryStageInput.h>
#include <Formance/models/WorkflowInstanceHistoryStageInput.h>

using namespace Formance;

namespace {
template <class T> void check(const QByteArray &body) {
    // The one-pass reader takes exactly the texts the tree readers take, into the same model.
    T fast{};
    const bool onePass = Json::readOnePass(body, fast);
    T tree{};
    const Json::DecodeResult viaTree = Json::decode(body, tree);
    if (onePass != viaTree.ok)
        std::fprintf(stderr, "one pass: %d, tree: %s\n", int(onePass), qPrintable(viaTree.error));
    FUZZ_CHECK(onePass == viaTree.ok, "the one pass and the tree agree on what decodes");
    FUZZ_CHECK(!onePass || fast == tree, "the one pass reads what the tree reads");

    HttpResponse response;
    response.status = 200;
    response.headers = {{"Content-Type", "application/json"}};
    response.body = body;
    const Result<T> decoded = decodeJsonResponse<T>(Result<HttpResponse>(response));
    if (!decoded) {
        FUZZ_CHECK(decoded.error().kind() == Error::Kind::Decode, "a refusal is a Decode error");
        FUZZ_CHECK(!decoded.error().message().isEmpty(), "a refusal says why");
        return;
    }
    const QByteArray encoded = Json::encode(decoded.value());
    T again{};
    const Json::DecodeResult second = Json::decode(encoded, again);
    if (!second.ok)
        std::fprintf(stderr, "re-encoded: %s\nerror: %s\n", encoded.constData(), qPrintable(second.error));
    FUZZ_CHECK(second.ok, "an encoded model decodes");
    if (!(again == decoded.value()))
        std::fprintf(stderr, "re-encoded: %s\n", encoded.constData());
    FUZZ_CHECK(again == decoded.value(), "encode then decode gives the same model");
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
    if (size < 1)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 11) {
    case 0:
        check<Models::TransferInitiation>(body);
        break;
    case 1:
        check<Models::Payment>(body);
        break;
    case 2:
        check<Models::V2Payment>(body);
        break;
    case 3:
        check<Models::OrchestrationPayment>(body);
        break;
    case 4:
        check<Models::WorkflowInstanceHistoryStageInput>(body);
        break;
    case 5:
        check<Models::PaymentsAccount>(body);
        break;
    case 6:
        check<Models::BankAccount>(body);
        break;
    case 7:
        check<Models::V2WorkflowInstanceHistoryStageInput>(body);
        break;
    case 8:
        check<Models::Reconciliation>(body);
        break;
    case 9:
        check<Models::Attempt>(body);
        break;
    default:
        check<Models::V2TransactionsCursorResponse>(body);
        break;
    }
    return 0;
}
