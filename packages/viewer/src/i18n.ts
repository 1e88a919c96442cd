/**
 * The viewer's words, Vietnamese first (the default) and English. Placeholders are `{name}`;
 * every language must have every key with the same placeholders (a unit test checks).
 */

export type Lang = "vi" | "en";
export const LANGS: readonly Lang[] = ["vi", "en"];

const vi = {
  "app.title": "Bluezone: càng nhiều người cài, càng tìm ra nhiều F1, F2",
  "app.subtitle":
    "Mô phỏng truy vết tiếp xúc bằng Bluetooth trên một dân số tổng hợp, từ số liệu các công văn tháng 8/2020",
  "app.language": "English",
  "app.languageLabel": "Switch to English",
  "app.presenter": "Chế độ trình chiếu",
  "app.presenterOff": "Thoát trình chiếu",
  "app.reset": "Đặt lại",
  "app.skip": "Chuyển tới kết quả",
  "app.problems": "Tham số trên địa chỉ không hợp lệ, đã dùng giá trị mặc định: {list}",

  "controls.scenario": "Kịch bản",
  "controls.adoption": "Tỷ lệ cài đặt Bluezone",
  "controls.adoptionUnit": "dân số",
  "controls.adoptionValue": "{pct} dân số",
  "controls.adoptionHint": "Phím ← → đổi 1%, Shift + ← → hoặc Page Up/Down đổi 10%",
  "controls.presets": "Số liệu và mục tiêu trong các công văn",
  "controls.presetTarget": "Mục tiêu",
  "controls.presetObserved": "Thực tế",
  "controls.unreachable": "chỉ ≈ {pct} dân số có điện thoại thông minh",
  "controls.mode": "Ai cài ứng dụng",
  "controls.modeUniform": "Ngẫu nhiên, đều khắp mọi người",
  "controls.modePolicy":
    "Theo kịch bản: theo huyện, nhóm ưu tiên 100%, chỉ người có điện thoại thông minh",
  "controls.advanced": "Thiết lập mô phỏng",
  "controls.seed": "Hạt giống ngẫu nhiên",
  "controls.seeds": "Số lần chạy mỗi điểm",
  "controls.agents": "Số người mô phỏng",
  "controls.f0": "Số F0",
  "controls.f0From": "F0 chọn từ",
  "controls.f0FromAll": "toàn dân",
  "controls.f0FromApp": "người dùng Bluezone (như 17 F0 của Bộ)",
  "controls.ble": "Bluetooth",
  "controls.bleRealistic": "thực tế (nhiễu, iPhone chạy nền)",
  "controls.bleIdeal": "lý tưởng",
  "controls.design": "Thiết kế ứng dụng",
  "design.bluezone": "Bluezone (lai: máy chủ đối chiếu nhật ký hai phía)",
  "design.gaen": "GAEN (phi tập trung: điện thoại tự đối chiếu khóa)",
  "design.bluetrace": "BlueTrace (tập trung: máy chủ giải mã nhật ký)",
  "designShort.bluezone": "Bluezone",
  "designShort.gaen": "GAEN",
  "designShort.bluetrace": "BlueTrace",
  "chart.design": "Thiết kế: {design}",
  "chart.descDesign":
    "F1, F2 được tìm ra theo quy tắc của thiết kế {design}; F1, F2 thật như nhau ở mọi thiết kế.",
  "summary.byDesign": "{design} — {sentence}",
  "privacy.title": "Máy chủ biết được gì, theo từng thiết kế",
  "privacy.design": "Thiết kế",
  "privacy.f1": "F1 được tìm ra",
  "privacy.f2": "F2 được tìm ra",
  "privacy.phones": "Điện thoại (không phải F0) máy chủ gắn được với ít nhất một tiếp xúc",
  "privacy.edges": "Cặp tiếp xúc máy chủ dựng lại được",
  "privacy.note":
    "Số đếm của mô hình, trên lần chạy ở mức {pct} (hạt giống {seed}, {agents} người, {f0} F0): những gì máy chủ của mỗi thiết kế sẽ lưu giữ, theo định nghĩa trong docs/PROTOCOLS.md (privacy: nonIndexPhonesKnown, contactEdgesKnown) — không phải số đọc từ một máy chủ thật. Với GAEN, F1 không tải khóa của mình lên nên không có F2.",
  "privacy.pending": "Đang tính…",
  "controls.band": "Dải",
  "controls.bandPct": "90% số lần chạy (bách phân vị 5–95)",
  "controls.bandCi": "khoảng tin cậy 95% của trung bình",
  "controls.net": "Số F0 trong mạng tiếp xúc",

  "chart.title": "Tỷ lệ F1, F2 được ứng dụng phát hiện theo tỷ lệ cài đặt",
  "chart.desc":
    "Trục ngang: tỷ lệ dân số cài Bluezone. Trục dọc: tỷ lệ F1, F2 thật sự mà ứng dụng tìm ra. Đường: trung bình của {seeds} lần chạy; dải: {band}.",
  "chart.x": "Tỷ lệ cài đặt (% dân số)",
  "chart.y": "Tỷ lệ F1/F2 được ứng dụng tìm ra",
  "chart.f1": "F1: tiếp xúc gần với F0",
  "chart.f2": "F2: tiếp xúc gần với F1",
  "chart.a2": "a² (F1, lý thuyết)",
  "chart.a3": "a³ (F2, cận dưới)",
  "chart.bandPct": "dải: 90% số lần chạy",
  "chart.bandCi": "dải: KTC 95% của trung bình",
  "chart.observed": "Thực tế 8/2020",
  "chart.targets": "Mục tiêu",
  "chart.point": "{series} ở mức {pct}: trung bình {mean} ({n} lần chạy; {band}: {lo} – {hi})",
  "chart.empty": "Đang mô phỏng…",
  "chart.progress": "Đang mô phỏng: {done}/{total} lần chạy ({workers} luồng)",
  "chart.firstLook": "Xem trước: {n} điểm mới có một lần chạy trên {agents} người với {f0} F0.",
  "chart.done": "{total} lần chạy, {agents} người mỗi lần, xong trong {seconds} giây",

  "net.title": "Mạng tiếp xúc quanh {n} F0 ở mức {pct} dân số cài đặt",
  "net.f0": "F0: ca xác nhận",
  "net.f1": "F1",
  "net.f2": "F2",
  "net.app": "tô đặc: có Bluezone",
  "net.noApp": "rỗng: không có ứng dụng",
  "net.detected": "nét liền: ứng dụng phát hiện",
  "net.missed": "nét đứt: ứng dụng bỏ sót",
  "net.aria":
    "Mạng tiếp xúc: {f0} F0, {f1} F1, {f2} F2; ứng dụng phát hiện {detected} trên {edges} tiếp xúc gần.",
  "net.computing": "Đang tính mạng tiếp xúc…",
  "net.layout": "Đang sắp xếp {nodes} điểm…",

  "summary.heading": "Ở mức {pct} dân số cài đặt",
  "summary.headingPolicy":
    "Ở mức {pct} dân số cài đặt (muốn {asked}: theo kịch bản chỉ người có điện thoại thông minh cài, theo tỷ lệ từng huyện)",
  "summary.sentence":
    "Ở mức {pct} dân số cài đặt, ứng dụng tìm ra {f1} số F1 thật của một F0 (khoảng tin cậy 95%: {f1Lo}–{f1Hi}) và {f2} số F2 thật ({f2Lo}–{f2Hi}), trung bình {runs} lần chạy; ngoài truy vết thủ công tìm thêm {beyond} người mỗi F0 có dùng ứng dụng.",
  "summary.interval": "khoảng tin cậy 95%: {lo}–{hi} · trung bình {runs} lần chạy",
  "summary.f1": "F1 được tìm ra",
  "summary.f2": "F2 được tìm ra",
  "summary.of": "trên {n}",
  "summary.beyond": "Tìm thêm ngoài truy vết thủ công",
  "summary.perF0": "người / F0",
  "summary.beyondModel":
    "F1 + F2 thật trong chuỗi của một F0 mà ứng dụng tìm ra và truy vết thủ công bỏ sót, tính trên mỗi F0 có dùng ứng dụng (mô phỏng, trung bình {runs} lần chạy; khoảng tin cậy 95%: {lo}–{hi})",
  "summary.seeds":
    "Báo cáo của Bộ (13/8/2020): 17 F0 có Bluezone → 82 F1, F2 không có trong danh sách truy vết truyền thống ≈ 4,8 / F0 (CV 4195/UBND-VHXXH)",
  "summary.pending": "Đang tính…",
  "summary.calibration":
    "Mô hình trong điều kiện tháng 8/2020 (tracebed calibrate, Cần Giuộc, 16% dân số cài đặt, 40% trong số đó đang chạy): {mean} / F0 ({lo}–{hi}), so với 4,8 của Bộ. Mô hình thấp hơn vì chỉ khoảng 6% dân số có ứng dụng đang chạy, nên ít người tiếp xúc với một F0 có ứng dụng, và truy vết thủ công đã tìm ra phần lớn số đó; các F0 của Bộ tập trung ở nơi tỷ lệ cài đặt cao hơn.",

  "saturation.more":
    "⚠ Quá ít người mô phỏng cho {f0} F0: ở các địa bàn có F2, {share} số người mô phỏng đã là F1 hoặc F2. Mẫu hết người để tiếp xúc ở bước thứ hai, nên số F2 (và số tìm thêm ngoài truy vết thủ công) thấp hơn khi mô phỏng toàn bộ dân số. Hãy mô phỏng từ {agents} người trở lên, hoặc giảm số F0.",
  "saturation.fewer":
    "⚠ Quá ít người mô phỏng cho {f0} F0: ở các địa bàn có F2, {share} số người mô phỏng đã là F1 hoặc F2. Mẫu hết người để tiếp xúc ở bước thứ hai, nên số F2 (và số tìm thêm ngoài truy vết thủ công) thấp hơn khi mô phỏng toàn bộ dân số. Mẫu không thể lớn hơn {agents} người: hãy giảm số F0.",
  "saturation.chart":
    "Lưu ý: {n}/{total} điểm của biểu đồ đến từ mẫu bị bão hoà ({f0} F0 trong {agents} người mô phỏng): số F2 ở đó bị đếm thiếu.",
  "saturation.short":
    "Lưu ý: mẫu bị bão hoà ({share} số người ở các địa bàn có F2 đã là F1 hoặc F2), số F2 bị đếm thiếu.",

  "district.title": "{name} theo huyện",
  "district.titleRegion": "{name} theo vùng",
  "district.titleWhole": "{name}: toàn địa bàn",
  "district.titleLetter": "{title} (số người dùng: {letter})",
  "district.noFigures":
    "Công văn của kịch bản này không ghi số người dùng theo từng địa bàn, nên bảng chỉ ghi dân số; tỷ lệ cài đặt và phần còn thiếu không tính được ở đây.",
  "district.name": "Huyện / thành phố",
  "district.users": "Người dùng",
  "district.population": "Dân số",
  "district.adoption": "Tỷ lệ cài đặt",
  "district.gap": "Còn thiếu so với mục tiêu",
  "district.extra": "F1 tìm thêm mỗi F0 khi đạt mục tiêu",
  "district.total": "Tổng",
  "district.note":
    "Mục tiêu của kịch bản ≈ {target} dân số. Các địa bàn cộng lại {sum} người dùng, công văn ghi tổng {stated} (lệch {diff}). Dân số các huyện lấy từ nhiều nguồn, nhiều năm. F1 tìm thêm: số F1 thật mỗi F0 × (tỷ lệ phát hiện ở mục tiêu − ở mức hiện nay), theo đường cong mô phỏng ở trên.",
  "district.people": "{n} người",

  "export.csv": "Tải CSV",
  "export.png": "Tải ảnh PNG",
  "export.svg": "Tải ảnh SVG",

  "live.title": "Trực tiếp từ máy chủ đối chiếu",
  "live.notConnected": "Chưa kết nối",
  "live.connecting": "Đang kết nối tới {url}…",
  "live.connected": "Đã kết nối: {url}",
  "live.failed": "Không kết nối được tới {url}",
  "live.url": "Địa chỉ máy chủ",
  "live.connect": "Kết nối",
  "live.disconnect": "Ngắt kết nối",
  "live.f0": "F0 đã xác nhận",
  "live.f1": "F1 đã được báo",
  "live.f2": "F2 đã được báo",
  "live.phones": "Điện thoại đang kết nối",
  "live.uploads": "Lượt tải lên",
  "live.eventF0": "F0 xác nhận: {id}",
  "live.eventNotified": "{role} được báo (qua {index})",
  "live.eventKeys": "Đã gửi {n} khoá của {role} {index} tới mọi điện thoại",
  "live.empty": "Chưa có sự kiện.",

  "footer.sources":
    "Nguồn: công văn của UBND Cần Giuộc (4195/UBND-VHXXH), Hưng Yên (2136/UBND-KGVX), Đắk Nông (4161/UBND-KGVX), Lai Châu (1661/UBND-VX), Bình Gia (Lạng Sơn), tháng 8/2020. Dân số, điện thoại, tiếp xúc: ước lượng, xem từng tệp kịch bản.",
  "footer.model":
    "Tiếp xúc gần: ≤ 2 m trong ≥ 15 phút một ngày. F1, F2 “thật” do mô hình biết; “được tìm ra” theo quy tắc của thiết kế đang chọn (mặc định: đối chiếu của Bluezone) trên nhật ký Bluetooth mô phỏng.",
} as const;

export type StringKey = keyof typeof vi;

const en: Record<StringKey, string> = {
  "app.title": "Bluezone: the more people install it, the more F1 and F2 it finds",
  "app.subtitle":
    "Bluetooth contact tracing simulated on a synthetic population, from the figures in the August 2020 letters",
  "app.language": "Tiếng Việt",
  "app.languageLabel": "Chuyển sang tiếng Việt",
  "app.presenter": "Presenter mode",
  "app.presenterOff": "Leave presenter mode",
  "app.reset": "Reset",
  "app.skip": "Skip to the results",
  "app.problems": "Settings in the address were not valid, defaults used: {list}",

  "controls.scenario": "Scenario",
  "controls.adoption": "Bluezone adoption",
  "controls.adoptionUnit": "of the population",
  "controls.adoptionValue": "{pct} of the population",
  "controls.adoptionHint": "← → change it by 1%, Shift + ← → or Page Up/Down by 10%",
  "controls.presets": "Figures and targets in the letters",
  "controls.presetTarget": "Target",
  "controls.presetObserved": "Observed",
  "controls.unreachable": "only ≈ {pct} of people own a smartphone",
  "controls.mode": "Who has the app",
  "controls.modeUniform": "At random, evenly across everyone",
  "controls.modePolicy":
    "The scenario's policy: by district, priority groups at 100%, smartphone owners only",
  "controls.advanced": "Simulation settings",
  "controls.seed": "Random seed",
  "controls.seeds": "Runs per point",
  "controls.agents": "Simulated people",
  "controls.f0": "F0 cases",
  "controls.f0From": "F0 drawn from",
  "controls.f0FromAll": "everyone",
  "controls.f0FromApp": "Bluezone users (like the Ministry's 17 F0)",
  "controls.ble": "Bluetooth",
  "controls.bleRealistic": "realistic (noise, iPhones in the background)",
  "controls.bleIdeal": "ideal",
  "controls.design": "App design",
  "design.bluezone": "Bluezone (hybrid: the server matches both sides' logs)",
  "design.gaen": "GAEN (decentralised: each phone matches published keys)",
  "design.bluetrace": "BlueTrace (central: the server decrypts the logs)",
  "designShort.bluezone": "Bluezone",
  "designShort.gaen": "GAEN",
  "designShort.bluetrace": "BlueTrace",
  "chart.design": "Design: {design}",
  "chart.descDesign":
    "F1 and F2 found by the {design} design's rule; the true F1 and F2 are the same in every design.",
  "summary.byDesign": "{design} — {sentence}",
  "privacy.title": "What the server learns, per design",
  "privacy.design": "Design",
  "privacy.f1": "F1 found",
  "privacy.f2": "F2 found",
  "privacy.phones": "Phones (not an F0) the server can tie to at least one contact",
  "privacy.edges": "Contact pairs the server can rebuild",
  "privacy.note":
    "The model's count, on the run at {pct} (seed {seed}, {agents} people, {f0} F0), of what each design's server would hold, by the definitions of docs/PROTOCOLS.md (privacy: nonIndexPhonesKnown, contactEdgesKnown) — not read from a real server. In GAEN an F1 does not upload its own keys, so there are no F2.",
  "privacy.pending": "Computing…",
  "controls.band": "Band",
  "controls.bandPct": "90% of runs (5th–95th percentile)",
  "controls.bandCi": "95% confidence interval of the mean",
  "controls.net": "F0 in the contact network",

  "chart.title": "Share of F1 and F2 contacts the app finds, by adoption",
  "chart.desc":
    "Across: share of the population with Bluezone. Up: share of the true F1 and F2 contacts the app finds. Lines: mean of {seeds} runs; bands: {band}.",
  "chart.x": "Adoption (% of the population)",
  "chart.y": "Share of F1/F2 found by the app",
  "chart.f1": "F1: close contacts of an F0",
  "chart.f2": "F2: close contacts of an F1",
  "chart.a2": "a² (F1, theory)",
  "chart.a3": "a³ (F2, lower bound)",
  "chart.bandPct": "band: 90% of runs",
  "chart.bandCi": "band: 95% CI of the mean",
  "chart.observed": "Observed Aug 2020",
  "chart.targets": "Targets",
  "chart.point": "{series} at {pct}: mean {mean} ({n} runs; {band}: {lo} – {hi})",
  "chart.empty": "Simulating…",
  "chart.progress": "Simulating: {done} of {total} runs ({workers} threads)",
  "chart.firstLook":
    "First look: {n} points so far from one run on {agents} people with {f0} index people.",
  "chart.done": "{total} runs of {agents} people each, done in {seconds} s",

  "net.title": "Contacts around {n} F0 at {pct} adoption",
  "net.f0": "F0: confirmed case",
  "net.f1": "F1",
  "net.f2": "F2",
  "net.app": "filled: has Bluezone",
  "net.noApp": "hollow: no app",
  "net.detected": "solid: found by the app",
  "net.missed": "dashed: missed by the app",
  "net.aria":
    "Contact network: {f0} F0, {f1} F1, {f2} F2; the app found {detected} of {edges} close contacts.",
  "net.computing": "Computing the contact network…",
  "net.layout": "Laying out {nodes} people…",

  "summary.heading": "At {pct} adoption",
  "summary.headingPolicy":
    "At {pct} adoption ({asked} asked for: under the scenario's policy only smartphone owners install, district by district)",
  "summary.sentence":
    "At {pct} adoption the app finds {f1} of an index case's true F1 contacts (95% CI {f1Lo}–{f1Hi}) and {f2} of its true F2 ({f2Lo}–{f2Hi}), mean of {runs} runs; beyond manual tracing it finds {beyond} more people per index case using the app.",
  "summary.interval": "95% CI {lo}–{hi} · mean of {runs} runs",
  "summary.f1": "F1 found",
  "summary.f2": "F2 found",
  "summary.of": "of {n}",
  "summary.beyond": "Found beyond manual tracing",
  "summary.perF0": "per F0",
  "summary.beyondModel":
    "True F1 + F2 of one index case's own chain that the app found and manual tracing missed, per index case using the app (simulated, mean of {runs} runs; 95% CI {lo}–{hi})",
  "summary.seeds":
    "Ministry report (13 Aug 2020): 17 F0 with Bluezone → 82 F1/F2 not on the manual tracing lists ≈ 4.8 per F0 (letter 4195/UBND-VHXXH)",
  "summary.pending": "Computing…",
  "summary.calibration":
    "The model under August 2020's conditions (tracebed calibrate, Cần Giuộc, 16% of people with installs, 40% of them active): {mean} per F0 ({lo}–{hi}), against the Ministry's 4.8. It finds fewer because only ≈ 6% of people ran the app, so few contacts of an app-using F0 had it, and tracers already named most of those; the Ministry's F0 clustered where installs ran higher.",

  "saturation.more":
    "⚠ Too few simulated people for {f0} F0: where the F2 live, {share} of the simulated people are already F1 or F2. The sample runs out of people two steps away, so the F2 counts (and those found beyond manual tracing) come out lower than the whole population would give. Simulate {agents} people or more, or use fewer F0.",
  "saturation.fewer":
    "⚠ Too few simulated people for {f0} F0: where the F2 live, {share} of the simulated people are already F1 or F2. The sample runs out of people two steps away, so the F2 counts (and those found beyond manual tracing) come out lower than the whole population would give. The sample cannot grow past {agents} people: use fewer F0.",
  "saturation.chart":
    "Note: {n} of {total} points of this chart come from saturated samples ({f0} F0 among {agents} simulated people): their F2 counts are too low.",
  "saturation.short":
    "Note: the sample is saturated ({share} of the people where the F2 live are already F1 or F2), so the F2 counts are too low.",

  "district.title": "{name} by district",
  "district.titleRegion": "{name} by region",
  "district.titleWhole": "{name}: the whole area",
  "district.titleLetter": "{title} (user counts: {letter})",
  "district.noFigures":
    "This scenario's letter gives no user counts by area, so the table lists population only; adoption and the gap to the target cannot be worked out here.",
  "district.name": "District / city",
  "district.users": "Users",
  "district.population": "Population",
  "district.adoption": "Adoption",
  "district.gap": "Gap to target",
  "district.extra": "Extra F1 found per F0 at the target",
  "district.total": "Total",
  "district.note":
    "The scenario's target ≈ {target} of the population. The areas add up to {sum} users, the letter states {stated} in total (off by {diff}). District populations come from mixed sources and years. Extra F1: true F1 per F0 × (detection share at the target − at today's adoption), from the simulated curve above.",
  "district.people": "{n} people",

  "export.csv": "Download CSV",
  "export.png": "Download PNG",
  "export.svg": "Download SVG",

  "live.title": "Live from the matching server",
  "live.notConnected": "Not connected",
  "live.connecting": "Connecting to {url}…",
  "live.connected": "Connected: {url}",
  "live.failed": "Could not connect to {url}",
  "live.url": "Server address",
  "live.connect": "Connect",
  "live.disconnect": "Disconnect",
  "live.f0": "F0 confirmed",
  "live.f1": "F1 notified",
  "live.f2": "F2 notified",
  "live.phones": "Phones connected",
  "live.uploads": "Uploads",
  "live.eventF0": "F0 confirmed: {id}",
  "live.eventNotified": "{role} notified (through {index})",
  "live.eventKeys": "Pushed {n} keys of {role} {index} to every phone",
  "live.empty": "No events yet.",

  "footer.sources":
    "Sources: letters of the People's Committees of Cần Giuộc (4195/UBND-VHXXH), Hưng Yên (2136/UBND-KGVX), Đắk Nông (4161/UBND-KGVX), Lai Châu (1661/UBND-VX) and Bình Gia (Lạng Sơn), August 2020. Population, phones and contacts are approximations: see each scenario file.",
  "footer.model":
    "Close contact: ≤ 2 m for ≥ 15 minutes in a day. The model knows the true F1 and F2; 'found' follows the chosen design's rules (by default Bluezone's matching) on the simulated Bluetooth logs.",
};

export const STRINGS: Readonly<Record<Lang, Readonly<Record<StringKey, string>>>> = { vi, en };

export type Params = Readonly<Record<string, string | number>>;

/** The string `key` in `lang` with its `{name}` placeholders filled from `params`. */
export function t(lang: Lang, key: StringKey, params: Params = {}): string {
  return STRINGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The placeholder names of a string, sorted (for the completeness test). */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export function isLang(x: unknown): x is Lang {
  return x === "vi" || x === "en";
}
