// Fuzzes the JSON interchange reader (samples, import, the clipboard): any
// bytes give a project or a message, never a crash; a project read back is
// validated, and writing it out and reading that again gives the same text
// (nothing the reader accepts is lost or changed by the writer).
#include "model/JsonFormat.h"
#include "model/Validation.h"
#include "tests/fuzz/FuzzCheck.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sw;
    auto project = projectFromJson(fuzz::text(data, size));
    if (!project) {
        fuzz::check(!project.error().empty(), "a refused project says why");
        return 0;
    }
    fuzz::check(!project.value().variants.empty(), "an accepted project has a variant");
    for (const Design& d : project.value().variants) {
        for (const Finding& f : validate(d)) fuzz::check(!f.message.empty() && !f.code.empty(), "a finding has a code and a message");
    }
    const std::string once = projectToJson(project.value());
    auto again = projectFromJson(once);
    fuzz::check(again.ok(), "what the writer wrote reads back", again.error());
    const std::string twice = projectToJson(again.value());
    fuzz::check(once == twice, "write, read, write gives the same text", once);
    return 0;
}
