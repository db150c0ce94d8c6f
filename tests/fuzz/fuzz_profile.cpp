// libFuzzer target: the profile loader (TOML), then the cross-profile checks and the JSON and
// text renderings `stackplan profiles show` uses. Any input either loads or yields located
// problems; nothing may crash, hang or overflow the stack.
#include "profiles/catalogue.h"
#include "profiles/profilejson.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace stackplan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Catalogue catalogue;
    const bool added = catalogue.addText(bytes, QStringLiteral("fuzz.toml"));
    catalogue.finish();
    if (!added && catalogue.problems().empty()) {
        std::fprintf(stderr, "refused without a problem\n");
        std::abort();
    }
    for (const auto &problem : catalogue.problems())
        if (problem.error.message.isEmpty()) {
            std::fprintf(stderr, "problem without a message\n");
            std::abort();
        }
    const QDate today(2026, 11, 23);
    for (const auto &profile : catalogue.profiles()) {
        const std::string dumped = profileToJson(profile, today).dump();
        (void)dumped;
        for (const auto &row : capabilityRows(profile.capabilities))
            (void)row.value.size();
    }
    for (const auto &binding : catalogue.allBindings())
        (void)binding;
    return 0;
}
