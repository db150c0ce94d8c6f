// libFuzzer target: the project loader, with a load → save → load round trip. Any input either
// loads or yields one located error; what loads must save, load again and save identically.
#include "io/projectfile.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace stackplan;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const ProjectLoad load = parseProject(bytes, QStringLiteral("fuzz.stackplan.json"));
    if (!load.ok()) {
        if (load.error.message.isEmpty() || load.error.file.isEmpty()) {
            std::fprintf(stderr, "refused without a message\n");
            std::abort();
        }
        return 0;
    }
    const QByteArray saved = serializeProject(*load.project);
    const ProjectLoad again = parseProject(saved, QStringLiteral("saved.stackplan.json"));
    if (!again.ok()) {
        std::fprintf(stderr, "saved file does not load: %s\n%s\n",
                     qPrintable(again.error.toString()), saved.constData());
        std::abort();
    }
    const QByteArray resaved = serializeProject(*again.project);
    if (resaved != saved) {
        std::fprintf(stderr, "save is not stable:\n%s\n---\n%s\n", saved.constData(),
                     resaved.constData());
        std::abort();
    }
    for (const auto &o : again.project->options)
        for (const auto &c : o.components)
            for (const auto &var : c.env)
                if (var.secret && !var.value.isEmpty()) {
                    std::fprintf(stderr, "a secret's value was saved\n");
                    std::abort();
                }
    return 0;
}
