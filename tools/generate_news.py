"""Generate N realistic Vietnamese news articles as Markdown, for the benchmark and for tests.

Deterministic: the same --seed and --count always give byte-identical files (no clock, no network,
no set iteration, standard library only). The news look like the site's own: the metadata of the
content model (Title, Date in Asia/Ho_Chi_Minh, Category, Author, Tags, Summary, Views on most),
the organisation named by SITE_SHORTNAME and
categories from NEWS_CATEGORIES in pelicanconf.py with uneven sizes (the first holds about 40%),
dates up to 2025-12-31 at about 1.5 news a day (1,000 news span about two years, 10,000 about
eighteen), some of them at the same minute, and bodies of 3-6 paragraphs assembled
from phrase lists. Titles are unique and so are the slugs Pelican derives from them.

Usage: python tools/generate_news.py OUT --count N --seed S [--style varied]
Files are written as OUT/<year>/<slug>.md; OUT must be empty or not exist yet."""

import argparse
import ast
import re
import sys
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_FILE = ROOT / "pelicanconf.py"

# Share of each category, in NEWS_CATEGORIES order: uneven on purpose, as on the real site.
CATEGORY_WEIGHTS = (0.40, 0.22, 0.16, 0.13, 0.09)
# The news end on LAST_DAY and go back as far as NEWS_PER_DAY needs (at least a year): 10,000 news
# are the same kind of site as 1,000 over a longer history. With a fixed span, 10,000 news would
# fill almost every day, and per-article figures would measure the calendar (one day archive per
# news at 1,000, one per four at 10,000), not the site.
LAST_DAY = datetime(2025, 12, 31)
NEWS_PER_DAY = 1.5
MIN_SPAN_DAYS = 365
# The checker refuses news dates before 1990 (a typo, vn_core.dates.FIRST_YEAR): beyond ~19,700 news
# the span stops there and the news get denser instead (20,000: 1.52 a day; 50,000: 3.8 a day).
EARLIEST_DAY = datetime(1990, 1, 1)
VIEWS_SHARE = 0.9
SAME_MINUTE_SHARE = 0.03

UNITS = [
    "Đoàn Thanh niên Sở Y tế",
    "Đoàn Thanh niên Sở Giáo dục và Đào tạo",
    "Đoàn Thanh niên Sở Tài chính",
    "Đoàn Thanh niên Sở Tư pháp",
    "Đoàn Thanh niên Sở Nông nghiệp và Phát triển nông thôn",
    "Đoàn Thanh niên Sở Văn hóa, Thể thao và Du lịch",
    "Đoàn Thanh niên Bệnh viện Đa khoa tỉnh",
    "Đoàn Thanh niên Bệnh viện Y dược cổ truyền tỉnh",
    "Đoàn Trường Đại học Tân Trào",
    "Đoàn Trường Cao đẳng Nghề kỹ thuật - Công nghệ",
    "Đoàn Thanh niên Công ty Điện lực tỉnh",
    "Đoàn Thanh niên Viễn thông tỉnh",
    "Đoàn Thanh niên Bưu điện tỉnh",
    "Đoàn Thanh niên Báo tỉnh",
    "Đoàn Thanh niên Đài Phát thanh và Truyền hình tỉnh",
    "Đoàn Thanh niên Kho bạc Nhà nước tỉnh",
    "Đoàn Thanh niên Cục Thuế tỉnh",
    "Đoàn Thanh niên Văn phòng UBND tỉnh",
    "Đoàn Thanh niên Ngân hàng Nông nghiệp tỉnh",
    "Đoàn Thanh niên Công ty Cổ phần Xi măng Tân Quang",
    "Đoàn Thanh niên Ban Quản lý các khu công nghiệp tỉnh",
    "Chi đoàn Sở Kế hoạch và Đầu tư",
    "Chi đoàn Sở Khoa học và Công nghệ",
    "Chi đoàn Bảo hiểm xã hội tỉnh",
]
# `{org}`: the site's own short name (SITE_SHORTNAME), so the news are about the site they are built for.
LEADERS = ["Ban Thường vụ {org}", "Ban Chấp hành {org}", "{org}"]
PLACES = [
    "xã Thượng Lâm, huyện Lâm Bình",
    "xã Hồng Thái, huyện Na Hang",
    "xã Kim Bình, huyện Chiêm Hóa",
    "xã Minh Thanh, huyện Sơn Dương",
    "xã Tân Trào, huyện Sơn Dương",
    "xã Yên Thuận, huyện Hàm Yên",
    "xã Trung Sơn, huyện Yên Sơn",
    "xã Kiến Thiết, huyện Yên Sơn",
    "phường Minh Xuân, thành phố",
    "xã Phúc Yên, huyện Lâm Bình",
    "xã Sinh Long, huyện Na Hang",
    "xã Hùng Mỹ, huyện Chiêm Hóa",
]
AUTHORS = ["ĐTN", "{org}", "Thu Hà", "Minh Đức", "Hoàng Lan", "Quốc Việt", "Bích Ngọc", "Văn Thắng", "Thanh Tùng", "Ngọc Ánh", "BTG {org}", "Hải Yến"]

# Per category: title events (lower case, to follow a unit and a verb) and the category's tags.
# `{year}`, `{month}`, `{place}`, `{nth}`, `{term}` are filled from the article's own date.
EVENTS = {
    0: {
        "verbs": ["tổ chức", "triển khai", "phối hợp tổ chức", "long trọng tổ chức", "sôi nổi tổ chức"],
        "events": [
            "hội nghị sơ kết công tác Đoàn 6 tháng đầu năm {year}",
            "hội nghị tổng kết công tác Đoàn và phong trào thanh niên năm {year}",
            "lễ kỷ niệm {nth} năm Ngày thành lập Đoàn TNCS Hồ Chí Minh",
            "buổi sinh hoạt chuyên đề tháng {month}/{year}",
            "chương trình gặp mặt đoàn viên tiêu biểu năm {year}",
            "hội nghị triển khai nhiệm vụ công tác Đoàn năm {year}",
            "hoạt động hưởng ứng Tháng Thanh niên năm {year}",
            "diễn đàn “Thanh niên với văn hóa công sở” năm {year}",
            "chương trình về nguồn tại {place}",
            "hội thi tìm hiểu lịch sử Đoàn TNCS Hồ Chí Minh năm {year}",
            "chương trình “Tết sum vầy” năm {year}",
            "hoạt động chào mừng Ngày Quốc khánh 2/9 năm {year}",
            "buổi tọa đàm kỷ niệm Ngày Quốc tế Phụ nữ 8/3 năm {year}",
            "lễ ra mắt Câu lạc bộ Lý luận trẻ năm {year}",
        ],
        "tags": ["hoạt động Đoàn", "Tháng Thanh niên", "sơ kết", "tổng kết", "về nguồn", "kỷ niệm", "tọa đàm"],
    },
    1: {
        "verbs": ["tổ chức", "triển khai", "hoàn thành", "chỉ đạo tổ chức"],
        "events": [
            "Đại hội Chi đoàn nhiệm kỳ {term}",
            "lễ kết nạp đoàn viên mới đợt {month}/{year}",
            "lớp tập huấn nghiệp vụ công tác Đoàn năm {year}",
            "hội nghị học tập, quán triệt Nghị quyết Đại hội Đoàn các cấp năm {year}",
            "đánh giá, xếp loại chất lượng đoàn viên năm {year}",
            "chương trình rèn luyện đoàn viên năm {year}",
            "hội nghị giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp năm {year}",
            "kiểm tra, giám sát công tác Đoàn năm {year}",
            "hội nghị Ban Chấp hành mở rộng tháng {month}/{year}",
            "lớp bồi dưỡng lý luận chính trị cho đoàn viên năm {year}",
            "sinh hoạt chi đoàn theo chủ điểm tháng {month}/{year}",
        ],
        "tags": ["Đại hội Đoàn", "kết nạp đoàn viên", "tập huấn", "rèn luyện đoàn viên", "xây dựng Đảng", "Nghị quyết"],
    },
    2: {
        "verbs": ["tổ chức", "ra quân", "triển khai", "phối hợp thực hiện"],
        "events": [
            "Chiến dịch tình nguyện hè {year} tại {place}",
            "chương trình hiến máu tình nguyện năm {year}",
            "trao quà cho học sinh có hoàn cảnh khó khăn tại {place}",
            "khám bệnh, cấp thuốc miễn phí cho nhân dân {place}",
            "chương trình “Xuân tình nguyện” năm {year} tại {place}",
            "hoạt động “Tiếp sức mùa thi” năm {year}",
            "ngày Chủ nhật xanh tháng {month}/{year}",
            "trồng cây xanh tại {place}",
            "công trình thanh niên “Thắp sáng đường quê” tại {place}",
            "chương trình “Áo ấm cho em” năm {year} tại {place}",
            "sửa chữa nhà nhân ái tại {place}",
        ],
        "tags": ["tình nguyện", "hiến máu", "an sinh xã hội", "môi trường", "công trình thanh niên", "mùa hè xanh"],
    },
    3: {
        "verbs": ["tổ chức", "phát động", "tổng kết", "triển khai"],
        "events": [
            "Hội thi “Ý tưởng sáng tạo” năm {year}",
            "cuộc thi sáng kiến cải tiến kỹ thuật năm {year}",
            "diễn đàn chuyển đổi số trong thanh niên năm {year}",
            "lớp tập huấn kỹ năng số cho đoàn viên tháng {month}/{year}",
            "cuộc thi “Thanh niên với khởi nghiệp” năm {year}",
            "tọa đàm ứng dụng công nghệ thông tin trong công việc năm {year}",
            "mô hình “Bình dân học vụ số” tại {place}",
            "đợt hỗ trợ người dân cài đặt dịch vụ công trực tuyến tại {place}",
            "chương trình “Đoàn viên thanh niên tự học tập” năm {year}",
        ],
        "tags": ["sáng tạo", "chuyển đổi số", "sáng kiến", "khởi nghiệp", "kỹ năng số", "dịch vụ công"],
    },
    4: {
        "verbs": ["tổ chức", "khai mạc", "bế mạc", "sôi nổi tổ chức"],
        "events": [
            "giải bóng đá nam thanh niên năm {year}",
            "hội thao đoàn viên thanh niên năm {year}",
            "liên hoan văn nghệ “Tiếng hát thanh niên” năm {year}",
            "giải cầu lông đoàn viên tháng {month}/{year}",
            "giải bóng chuyền hơi nam nữ năm {year}",
            "ngày hội văn hóa các dân tộc tại {place}",
            "giải chạy “Vì sức khỏe cộng đồng” năm {year}",
            "chương trình giao lưu văn nghệ tại {place}",
            "giải kéo co, nhảy bao bố tháng {month}/{year}",
        ],
        "tags": ["thể thao", "văn nghệ", "hội thao", "bóng đá", "văn hóa", "giao lưu"],
    },
}
COMMON_TAGS = ["{org}", "đoàn viên thanh niên", "tuổi trẻ", "thanh niên"]

OPENERS = [
    "Sáng ngày {date}",
    "Chiều ngày {date}",
    "Ngày {date}",
    "Trong hai ngày {date_pair}",
    "Tối ngày {date}",
]
PRESENCE = [
    "Tham dự có đồng chí đại diện lãnh đạo Đảng ủy Khối, Ban Thường vụ {org} cùng {people} đoàn viên thanh niên.",
    "Đến dự và chỉ đạo có đồng chí Bí thư {org} và đại diện cấp ủy, lãnh đạo cơ quan, đơn vị.",
    "Chương trình thu hút sự tham gia của {people} cán bộ, đoàn viên thanh niên đến từ {units} cơ sở Đoàn trực thuộc.",
    "Tham gia hoạt động có {people} đoàn viên, thanh niên cùng đông đảo nhân dân địa phương.",
]
PURPOSES = [
    "Hoạt động nhằm nâng cao nhận thức, trách nhiệm của đoàn viên thanh niên trong thực hiện nhiệm vụ chính trị của cơ quan, đơn vị.",
    "Đây là dịp để đoàn viên thanh niên giao lưu, học hỏi, trao đổi kinh nghiệm và tăng cường tình đoàn kết.",
    "Chương trình góp phần giáo dục lý tưởng cách mạng, đạo đức, lối sống văn hóa cho thế hệ trẻ.",
    "Qua đó khẳng định vai trò xung kích, tình nguyện của tuổi trẻ {org} trong các nhiệm vụ của tỉnh.",
    "Hoạt động thiết thực chào mừng các ngày lễ lớn của đất nước và của tỉnh trong năm {year}.",
]
# Middle sentences: common to every news, plus details that fit each category (by index).
MIDDLE = [
    "Năm {year}, các cơ sở Đoàn trực thuộc đã tổ chức {count} hoạt động với trên {people} lượt đoàn viên tham gia.",
    "Nội dung sinh hoạt được thiết kế ngắn gọn, thiết thực, lồng ghép việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    "Trước đó, Ban tổ chức đã ban hành kế hoạch, phân công nhiệm vụ cụ thể cho từng cơ sở Đoàn và tổ chức khảo sát tại {place}.",
    "Theo đánh giá của Ban Thường vụ {org}, công tác chuẩn bị được thực hiện chu đáo, khoa học và đúng tiến độ.",
    "Anh {man}, Bí thư Chi đoàn, cho biết đơn vị sẽ tiếp tục duy trì hoạt động này thường xuyên trong những năm tới.",
    "Ban Thường vụ {org} đã khen thưởng {count} tập thể và {count2} cá nhân có thành tích xuất sắc.",
]
DETAILS = {
    0: [
        "Tại buổi lễ, các đại biểu đã cùng nhau ôn lại truyền thống vẻ vang của Đoàn TNCS Hồ Chí Minh và thảo luận các giải pháp nâng cao chất lượng sinh hoạt chi đoàn.",
        "Nhiều ý kiến tham luận tập trung vào đổi mới nội dung, phương thức hoạt động của Đoàn cho phù hợp với đặc thù khối cơ quan và doanh nghiệp.",
        "{unit2} cũng đã chia sẻ kinh nghiệm xây dựng mô hình “Chi đoàn ba tốt” gắn với nhiệm vụ chuyên môn của cơ quan.",
        "Các đội thi đã mang đến những phần trình bày sáng tạo, sinh động, thể hiện tinh thần đoàn kết và sức trẻ của đoàn viên.",
        "Đồng chí Bí thư {org} ghi nhận những kết quả đạt được và chỉ ra một số hạn chế cần khắc phục trong thời gian tới.",
    ],
    1: [
        "Thông qua hoạt động, {count} đoàn viên ưu tú đã được giới thiệu để cấp ủy xem xét, bồi dưỡng kết nạp vào Đảng.",
        "Đại hội đã bầu Ban Chấp hành nhiệm kỳ mới gồm {small} đồng chí và thông qua Nghị quyết với các chỉ tiêu cụ thể.",
        "Các học viên được nghe báo cáo viên truyền đạt kỹ năng tổ chức sinh hoạt chi đoàn, công tác văn thư và quản lý đoàn viên.",
        "Tỷ lệ đoàn viên được đánh giá hoàn thành xuất sắc nhiệm vụ đạt {percent}%, không có đoàn viên xếp loại không hoàn thành nhiệm vụ.",
        "Trong dịp này, {count} thanh niên ưu tú đã được kết nạp vào Đoàn TNCS Hồ Chí Minh.",
    ],
    2: [
        "Ban tổ chức đã trao {count} suất quà, mỗi suất trị giá {gift} đồng, cho các gia đình và học sinh có hoàn cảnh khó khăn.",
        "Tổng kinh phí thực hiện chương trình trên {money} đồng, được huy động từ nguồn xã hội hóa và sự đóng góp của đoàn viên.",
        "Các đoàn viên thanh niên đã tham gia dọn dẹp vệ sinh, phát quang đường làng, ngõ xóm với chiều dài trên {km} km.",
        "Nhân dịp này, {unit2} đã trao tặng {count} cây xanh và {count2} bộ sách giáo khoa cho nhà trường và địa phương.",
        "Chị {woman}, đoàn viên {unit2}, chia sẻ: “Mỗi hoạt động tình nguyện là một dịp để chúng tôi trưởng thành hơn.”",
        "Đã có {count2} đơn vị máu được tiếp nhận, góp phần bổ sung nguồn máu phục vụ công tác cấp cứu, điều trị.",
    ],
    3: [
        "Kết quả, đã có {count} ý tưởng, sáng kiến được gửi về Ban tổ chức, trong đó nhiều ý tưởng có khả năng áp dụng thực tế cao.",
        "Đoàn viên thanh niên {unit2} đã hỗ trợ người dân cài đặt, sử dụng ứng dụng VNeID và dịch vụ công trực tuyến.",
        "Các ý tưởng tập trung vào cải cách hành chính, ứng dụng công nghệ thông tin và nâng cao năng suất lao động.",
        "Ban Giám khảo đánh giá cao tính khả thi của các giải pháp và đề nghị các đơn vị tạo điều kiện để triển khai trên thực tế.",
        "Chị {woman}, tác giả của giải pháp đạt giải Nhất, cho biết sáng kiến đã giúp rút ngắn thời gian xử lý hồ sơ của đơn vị.",
    ],
    4: [
        "Các trận đấu diễn ra sôi nổi, hấp dẫn trên tinh thần đoàn kết, cao thượng, fair-play.",
        "Giải đấu có sự tham gia của {small} đội với hơn {people} vận động viên là đoàn viên thanh niên các cơ sở Đoàn.",
        "Các tiết mục văn nghệ mang đậm bản sắc văn hóa các dân tộc Tày, Dao, Cao Lan của quê hương.",
        "Kết quả chung cuộc, {unit2} giành giải Nhất, giải Nhì thuộc về đội chủ nhà.",
        "Bên cạnh các môn thi đấu chính, Ban tổ chức còn tổ chức các trò chơi dân gian thu hút đông đảo người dân cổ vũ.",
    ],
}
CLOSERS = [
    "Kết thúc chương trình, Ban Thường vụ {org} đề nghị các cơ sở Đoàn tiếp tục phát huy kết quả đạt được, triển khai hiệu quả các nhiệm vụ trong thời gian tới.",
    "Hoạt động đã để lại nhiều ấn tượng tốt đẹp, góp phần lan tỏa hình ảnh đẹp của tuổi trẻ {org}.",
    "Thời gian tới, {org} sẽ tiếp tục đổi mới nội dung, hình thức hoạt động, hướng về cơ sở và đoàn viên.",
    "Ban tổ chức đã trao giấy chứng nhận và phần thưởng cho các tập thể, cá nhân đạt giải.",
]
MEN = ["Trần Văn Nam", "Phạm Minh Tuấn", "Ma Văn Hùng", "Đỗ Quang Huy", "Bàn Văn Sơn", "Lý Đức Thành", "Hà Trung Kiên"]
WOMEN = ["Nguyễn Thị Hoa", "Lê Thu Trang", "Hoàng Thị Mai", "Nông Thị Hạnh", "Vũ Ngọc Lan", "Chẩu Thị Huyền", "Quan Thị Thu"]
SUMMARIES = [
    "{title_sentence}, thu hút đông đảo cán bộ, đoàn viên thanh niên tham gia.",
    "{title_sentence}, góp phần thực hiện thắng lợi các chỉ tiêu công tác Đoàn năm {year}.",
    "{title_sentence}; đây là hoạt động thiết thực của tuổi trẻ {org}.",
    "{title_sentence} với nhiều nội dung phong phú, ý nghĩa.",
]

# --- The "varied" style (`--style varied`, the search benchmark's corpus) ---------------------------
# News that read like a provincial news site's: each has its own people, village, programme and figures,
# so a run of three title words or a rare body word points to few news, as in real news. Titles follow
# thirty shapes with slots filled from the pools below; bodies are sentences of the same kind, most
# holding the news' own names and numbers. The phrases were written for this generator (no text was
# copied). The default style above is kept as it is: `make bench` and its tests depend on its output.
PROVINCES = [
    "Tuyên Quang", "Hà Giang", "Cao Bằng", "Lào Cai", "Yên Bái", "Thái Nguyên", "Bắc Kạn", "Lạng Sơn",
    "Điện Biên", "Lai Châu", "Sơn La", "Hòa Bình", "Phú Thọ", "Vĩnh Phúc", "Bắc Giang", "Quảng Ninh",
    "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
    "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên",
    "Khánh Hòa", "Đắk Lắk", "Đắk Nông", "Gia Lai", "Kon Tum", "Lâm Đồng", "Bình Phước", "Đồng Nai",
    "Đồng Tháp", "An Giang", "Kiên Giang", "Cà Mau", "Bạc Liêu", "Sóc Trăng", "Trà Vinh", "Bến Tre",
]
VILLAGE_HEADS = ["Nà", "Khuổi", "Pác", "Bản", "Phiêng", "Nặm", "Lũng", "Cốc", "Thác", "Đồng", "Bó", "Khau", "Tát", "Làng", "Đon", "Nậm"]
# Village names end in a syllable made of an onset and a rhyme (about 1,500 of them), so most villages
# are named in few news, as real place names are: a rare word of the body points to its news.
ONSETS = ["B", "C", "Ch", "D", "Đ", "Kh", "L", "M", "N", "Ng", "Nh", "P", "Ph", "Qu", "S", "T", "Th", "Tr", "V", "X", "H", "Gi", "R", "K"]
RHYMES = [
    "à", "ả", "ạ", "ai", "ải", "am", "án", "àng", "ánh", "ao", "ạo", "ắc", "ăn", "ằng", "ấp", "âu", "ầu", "ẩy",
    "ẻo", "ếch", "ênh", "ìa", "ỉn", "ình", "ịt", "ỏ", "ói", "òm", "ọn", "ỏng", "ổ", "ội", "ồn", "ống", "ơi",
    "ờn", "ợp", "ủ", "úi", "ùm", "ụng", "uối", "uông", "ươi", "ườn", "ưởng", "ứt", "ửa", "iêng", "ải", "ay", "ẹt",
    "ộc", "ương", "oòng", "ểu", "ĩnh", "ọt", "uồi", "ằm",
]
COMMUNE_WORDS = ["Thượng", "Hạ", "Trung", "Tân", "Phúc", "Minh", "Hòa", "Yên", "Kim", "Hồng", "Đại", "Bình", "Thanh", "Xuân", "Vĩnh", "Đức"]
COMMUNE_TAILS = ["Lâm", "Thái", "Bình", "Sơn", "Thuận", "Long", "Hà", "Quang", "Phú", "An", "Lợi", "Đông", "Tiến", "Hưng", "Thịnh", "Mỹ"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Ma", "Nông", "Triệu", "Hà", "La", "Lục", "Đinh", "Quan", "Chu", "Lương"]
MIDDLE_MEN = ["Văn", "Minh", "Đức", "Quang", "Hữu", "Thanh", "Tiến", "Xuân"]
MIDDLE_WOMEN = ["Thị", "Thu", "Ngọc", "Thanh", "Minh", "Hồng", "Phương", "Kim"]
GIVEN_MEN = ["Hùng", "Dũng", "Tuấn", "Đạt", "Đông", "Hải", "Thắng", "Trung", "Phúc", "Khánh", "Cường", "Kiên", "Hiếu", "Đại", "Luân", "Tùng", "Vĩnh", "Quyết", "Lộc", "Bảo"]
GIVEN_WOMEN = ["Lan", "Hương", "Yến", "Linh", "Ánh", "Đào", "Duyên", "Nhung", "Thảo", "Trang", "Hạnh", "Loan", "Quyên", "Diệp", "Ngân", "Oanh", "Mận", "Huyền"]
ROLES = ["Bí thư Chi đoàn", "Phó Bí thư Đoàn cơ sở", "đoàn viên", "cán bộ kỹ thuật", "giáo viên", "bác sĩ", "kỹ sư", "kế toán", "nhân viên kinh doanh", "điều dưỡng"]
PROGRAMS = [
    "Áo ấm cho em", "Thắp sáng đường quê", "Ngôi nhà khăn quàng đỏ", "Tiếp sức đến trường", "Bữa cơm yêu thương",
    "Cặp lá yêu thương", "Mái ấm tình thương", "Sách hay cho em", "Giọt hồng nhân ái", "Đông ấm vùng cao",
    "Nước sạch cho bản", "Con đường bích họa", "Tủ sách dân gian", "Góc học tập cho em", "Xe đạp đến trường",
    "Chợ phiên 0 đồng", "Trung thu cho em", "Vườn rau dinh dưỡng", "Bình dân học vụ số", "Cây xanh đoàn viên",
]
WORKS = [
    "cầu dân sinh", "đường bê tông liên thôn", "nhà văn hóa thôn", "sân chơi thiếu nhi", "hệ thống đèn năng lượng mặt trời",
    "bể chứa nước sinh hoạt", "phòng học tin học", "thư viện xanh", "điểm trường mầm non", "nhà vệ sinh cho học sinh",
    "tuyến đường hoa", "bếp ăn bán trú", "giếng khoan", "cổng trường", "khu vui chơi cộng đồng",
]
SPORTS = ["bóng đá nam", "bóng chuyền hơi", "cầu lông", "kéo co", "chạy việt dã", "bóng bàn", "đẩy gậy", "cờ tướng", "bơi lội", "quần vợt"]
CROPS = ["chè Shan tuyết", "cam sành", "bưởi Phúc Diễn", "quế", "mía tím", "na dai", "dưa hấu", "nấm sò", "gà đồi", "mật ong bạc hà", "măng tre Bát Độ", "lạc đỏ"]
TOPICS = [
    "an toàn giao thông", "phòng chống ma túy", "bảo vệ môi trường", "phòng chống cháy nổ", "chuyển đổi số",
    "khởi nghiệp", "pháp luật lao động", "sức khỏe sinh sản", "phòng chống đuối nước", "an ninh mạng",
    "bình đẳng giới", "kỹ năng sơ cứu", "văn hóa đọc", "tiết kiệm điện", "phòng chống thiên tai",
]
# (shape, theme): the theme picks the body's sentences (VARIED_FACTS).
VARIED_TITLES = [
    ("{unit} trao {n} suất quà “{program}” tại thôn {village}", "gift"),
    ("{province}: {people} đoàn viên tham gia hiến máu đợt {k} năm {year}", "blood"),
    ("Khánh thành {work} thôn {village}, xã {commune}", "build"),
    ("Tuổi trẻ {short} khởi công {work} tại bản {village}", "build"),
    ("{person_full}: người {role} {quality} của {short}", "person"),
    ("Giải {sport} {short} lần thứ {k} khép lại với chiến thắng của {winner}", "sport"),
    ("Thanh niên xã {commune} giúp dân thu hoạch {crop}", "crop"),
    ("Hỗ trợ {households} hộ dân bản {village} tiêu thụ {crop}", "crop"),
    ("{unit} tuyên truyền {topic} cho học sinh xã {commune}", "talk"),
    ("Tọa đàm “{topic}” thu hút {people} người tham dự", "talk"),
    ("Đối thoại với thanh niên về {topic} năm {year}", "talk"),
    ("Kết nạp {n} đoàn viên mới tại {short}", "union"),
    ("Đại hội Chi đoàn {short} bầu anh {man_short} làm Bí thư", "union"),
    ("Chị {woman_short} đoạt giải Nhất sáng kiến “{idea}”", "idea"),
    ("Ra mắt mô hình “{program}” ở xã {commune}", "gift"),
    ("Đoàn viên {short} dầm mưa sửa {work} cho bà con {village}", "build"),
    ("Tặng {bikes} xe đạp cho học sinh nghèo vượt khó xã {commune}", "gift"),
    ("{short}: {n} công trình thanh niên chào mừng Đại hội Đoàn các cấp", "build"),
    ("Học bổng “{program}” đến với {n} em học sinh {province}", "gift"),
    ("Ngày hội đọc sách tại điểm trường {village}", "study"),
    ("Trồng {trees} cây xanh trên đồi {village}", "green"),
    ("Khám bệnh, cấp thuốc cho {people} người dân xã {commune}", "health"),
    ("Nhịp cầu giao lưu giữa tuổi trẻ {short} và {province}", "sport"),
    ("Anh {man_short} và hành trình {journey}", "person"),
    ("Lớp học tiếng {language} cho đoàn viên {short}", "study"),
    ("{unit} nhận cờ thi đua xuất sắc năm {year}", "union"),
    ("Sửa chữa nhà cho gia đình bà {elder} ở thôn {village}", "build"),
    ("Đêm văn nghệ “{program}” gây quỹ được {money} đồng", "gift"),
    ("Tình nguyện viên {short} hỗ trợ người dân {commune} làm căn cước điện tử", "study"),
    ("Hội thi {contest} năm {year}: {winner} giành giải Nhất", "idea"),
]
QUALITIES = ["tận tụy", "sáng tạo", "giàu nghị lực", "vượt khó", "năng động", "không ngại gian khó", "gương mẫu"]
IDEAS = [
    "số hóa hồ sơ lưu trữ", "phần mềm quản lý đoàn viên", "sổ tay điện tử cho chi đoàn", "máy sấy nông sản tự chế",
    "bản đồ số các di tích", "hệ thống tưới nhỏ giọt", "ứng dụng nhắc lịch tiêm chủng", "mã QR cho sản phẩm OCOP",
]
JOURNEYS = ["mang ánh sáng đến bản xa", "đưa sách lên vùng cao", "giữ rừng đầu nguồn", "hiến máu 40 lần", "làm giàu từ cây quế", "dạy chữ cho người Mông"]
LANGUAGES = ["Mông", "Dao", "Tày", "Anh", "Hàn"]
CONTESTS = ["tìm hiểu Luật Thanh niên", "Bí thư Chi đoàn giỏi", "tuyên truyền viên trẻ", "nấu ăn ngon", "an toàn vệ sinh lao động", "tin học văn phòng"]
VARIED_OPENERS = [
    "Ngày {date}, {unit} đã tổ chức chương trình tại thôn {village}, xã {commune}.",
    "Sáng {date}, tại thôn {village}, xã {commune}, {unit} phối hợp với chính quyền địa phương triển khai hoạt động này.",
    "Trong hai ngày cuối tuần, hơn {people} đoàn viên của {short} đã có mặt ở bản {village} từ sớm.",
    "Theo anh {man}, {role2} của đơn vị, hoạt động ở thôn {village} được chuẩn bị từ đầu tháng {month}.",
]
# (themes, sentence): "*" fits every news.
VARIED_FACTS = [
    ("*", "Tổng kinh phí thực hiện khoảng {money} đồng, phần lớn do đoàn viên và các nhà hảo tâm đóng góp."),
    ("gift build health study", "Con đường vào bản {village} dài gần {km} km, mùa mưa trơn trượt nên xe phải dừng lại ở đầu dốc."),
    ("gift build crop health", "Thôn {village} hiện có {households} hộ, đa số là đồng bào {people_ethnic}, đời sống còn nhiều khó khăn."),
    ("gift study health", "Chị {woman}, {role}, kể rằng nhóm đã đi bộ ba tiếng đồng hồ mới tới được điểm trường."),
    ("gift", "Mỗi suất quà gồm chăn ấm, sách vở và {gift} đồng tiền mặt."),
    ("gift build health green", "Ông {elder_man}, trưởng thôn {village}, xúc động cảm ơn các đoàn viên đã không quản ngại đường xa."),
    ("build green", "Bà con trong thôn góp ngày công, còn đoàn viên lo vật liệu và kỹ thuật."),
    ("crop", "Đến nay, mô hình đã giúp {households} hộ có thêm thu nhập ổn định từ {crop}."),
    ("crop", "Năm nay, sản lượng {crop} của xã ước đạt {tons} tấn, nhưng giá bán giảm mạnh vì thương lái ép giá."),
    ("crop", "Các bạn trẻ đã livestream giới thiệu sản phẩm, bán được hơn {tons} tấn chỉ trong một buổi tối."),
    ("talk", "Tại buổi tuyên truyền, báo cáo viên đã giới thiệu những điểm mới về {topic} bằng các tình huống gần gũi."),
    ("talk study gift", "Nhiều em học sinh lần đầu được tham gia trò chơi tương tác và nhận phần thưởng là bộ sách “{program}”."),
    ("sport", "Đội {winner} thi đấu đầy quyết tâm, giành chiến thắng với tỷ số {score} trong trận chung kết."),
    ("sport", "Giải có {teams} đội tham gia, thi đấu vòng tròn tính điểm trong {days} ngày."),
    ("gift health blood person", "Đây là năm thứ {k} liên tiếp đơn vị duy trì chương trình, với tổng số {n} lượt người được hỗ trợ."),
    ("talk union", "Sau buổi đối thoại, {n} kiến nghị của thanh niên đã được ghi nhận và chuyển tới các ngành chức năng."),
    ("gift study", "Đoàn viên {woman} chia sẻ: “Nhìn các em cười, chúng tôi quên hết mệt mỏi.”"),
    ("health blood", "Những người tham gia được kiểm tra huyết áp, đo đường huyết và tư vấn dinh dưỡng miễn phí."),
    ("build", "Dự kiến công trình hoàn thành trước ngày {date2}, phục vụ hơn {households} hộ dân đi lại."),
    ("idea union", "Ý tưởng “{idea}” đã được đơn vị áp dụng, rút ngắn một nửa thời gian xử lý công việc."),
    ("idea sport", "Ban tổ chức trao {n} giải thưởng, trong đó có giải phong cách dành cho {woman}."),
    ("study", "Mỗi tuần, lớp học mở vào tối thứ Ba và thứ Năm, do anh {man} trực tiếp giảng dạy."),
    ("build person", "Tuyến đường được lắp {lamps} bóng đèn, soi sáng đoạn dốc {village} vốn tối om mỗi đêm."),
    ("green build", "Cùng ngày, các đoàn viên tổ chức dọn vệ sinh, khơi thông cống rãnh quanh nhà văn hóa thôn {village}."),
    ("blood", "Đợt này tiếp nhận {units} đơn vị máu, vượt chỉ tiêu {percent}% so với kế hoạch."),
    ("blood", "Anh {man}, {role}, đã hiến máu lần thứ {k} và vận động thêm {n} đồng nghiệp cùng tham gia."),
    ("talk union crop", "Theo thống kê của Đoàn xã {commune}, thanh niên trong độ tuổi chiếm khoảng {percent}% dân số."),
    ("person", "Sinh năm {born}, {person_full} đã gắn bó với {short} hơn {k} năm."),
    ("person", "Không chỉ hoàn thành tốt chuyên môn, {person_full} còn là người khởi xướng mô hình “{program}”."),
    ("person", "Nhắc đến {person_full}, đồng nghiệp nhớ ngay những chuyến đi về bản {village} vào mỗi dịp cuối tuần."),
    ("green", "Các loài cây được chọn là lim xanh, sấu và keo lai, phù hợp với thổ nhưỡng của địa phương."),
    ("green", "Sau {k} năm, tỷ lệ cây sống của những đợt trồng trước đạt trên {percent2}%."),
    ("union", "Đại hội đã bầu Ban Chấp hành gồm {small} đồng chí, anh {man} được tín nhiệm giữ chức Bí thư."),
    ("union", "Các đoàn viên mới được nghe giới thiệu về lịch sử Đoàn và nhận huy hiệu Đoàn từ Bí thư {short}."),
    ("idea", "Hội đồng giám khảo đánh giá cao tính khả thi và khả năng nhân rộng của các giải pháp dự thi."),
    ("study", "Sau khóa học, {n} học viên đã có thể giao tiếp cơ bản và hỗ trợ người dân làm thủ tục trực tuyến."),
    ("health", "Đoàn đã cấp phát miễn phí {n} loại thuốc thông thường và tặng {bikes} bộ dụng cụ sơ cứu cho trạm y tế."),
]
VARIED_CLOSERS = [
    "Thời gian tới, đơn vị sẽ tiếp tục nhân rộng mô hình ra các xã lân cận.",
    "Hoạt động góp phần lan tỏa tinh thần tương thân tương ái trong cộng đồng.",
    "Chương trình khép lại trong không khí ấm áp, nhiều người dân nán lại trò chuyện cùng các bạn trẻ.",
    "Dịp này, nhiều tập thể và cá nhân đã được tặng giấy khen vì có thành tích xuất sắc.",
    "Đơn vị cho biết sẽ tổ chức lại hoạt động vào mùa hè năm sau.",
]
ETHNIC = ["Tày", "Dao", "Mông", "Cao Lan", "Sán Chay", "Nùng", "Thái", "Mường"]
UNIT_SHORT = {unit: unit.replace("Đoàn Thanh niên ", "").replace("Đoàn ", "").replace("Chi đoàn ", "") for unit in UNITS}


def person(rng: Random, woman: bool) -> str:
    middle, given = (MIDDLE_WOMEN, GIVEN_WOMEN) if woman else (MIDDLE_MEN, GIVEN_MEN)
    return f"{rng.choice(FAMILY)} {rng.choice(middle)} {rng.choice(given)}"


def varied_slots(rng: Random, moment: datetime, unit: str) -> dict:
    """The slots of one news: its own village, commune, people, programme and figures."""
    man, woman = person(rng, False), person(rng, True)
    later = moment + timedelta(days=rng.randint(20, 120))
    return {
        "unit": unit, "short": UNIT_SHORT[unit], "province": rng.choice(PROVINCES),
        "village": f"{rng.choice(VILLAGE_HEADS)} {rng.choice(ONSETS)}{rng.choice(RHYMES)}",
        "commune": f"{rng.choice(COMMUNE_WORDS)} {rng.choice(COMMUNE_TAILS)}",
        "man": man, "woman": woman, "man_short": man.split(" ", 1)[1], "woman_short": woman.split(" ", 1)[1],
        "person_full": rng.choice([man, woman]), "born": moment.year - rng.randint(22, 34), "percent2": rng.randint(80, 97),
        "small": rng.randint(5, 15), "elder_man": f"{rng.choice(FAMILY)} {rng.choice(MIDDLE_MEN)} {rng.choice(GIVEN_MEN)}",
        "role": rng.choice(ROLES), "role2": rng.choice(ROLES[:2]), "quality": rng.choice(QUALITIES),
        "elder": person(rng, True),
        "program": rng.choice(PROGRAMS), "work": rng.choice(WORKS),
        "sport": rng.choice(SPORTS), "crop": rng.choice(CROPS), "topic": rng.choice(TOPICS), "idea": rng.choice(IDEAS),
        "journey": rng.choice(JOURNEYS), "language": rng.choice(LANGUAGES), "contest": rng.choice(CONTESTS),
        "winner": UNIT_SHORT[rng.choice([u for u in UNITS if u != unit])], "people_ethnic": rng.choice(ETHNIC),
        "year": moment.year, "month": moment.month, "date": vn_date(moment), "date2": vn_date(later),
        "n": rng.randint(3, 90), "k": rng.randint(2, 12), "people": vn_number(rng.randint(30, 900)),
        "households": rng.randint(12, 240), "bikes": rng.randint(5, 60), "trees": vn_number(rng.randint(2, 60) * 100),
        "money": vn_number(rng.randint(3, 400) * 1_000_000), "gift": vn_number(rng.choice([200, 300, 500, 700]) * 1000),
        "km": rng.randint(3, 19), "tons": rng.randint(2, 80), "score": f"{rng.randint(1, 5)}-{rng.randint(0, 1)}",
        "teams": rng.randint(6, 24), "days": rng.randint(2, 5), "lamps": rng.randint(20, 150),
        "units": rng.randint(40, 400), "percent": rng.randint(5, 40),
    }


def make_varied(rng: Random, category: int, moment: datetime, taken: dict, org: str) -> tuple:
    """(title, slug, summary, body) of one news in the varied style; a title not used yet."""
    for _ in range(60):
        unit = rng.choice(UNITS)
        slots = {**varied_slots(rng, moment, unit), "org": org}
        shape, theme = rng.choice(VARIED_TITLES)
        title = shape.format(**slots)
        title = title[0].upper() + title[1:]
        slug = slugify(title)
        if slug not in taken:
            break
    else:
        raise RuntimeError(f"no free title for {moment}")
    fitting = [sentence for themes, sentence in VARIED_FACTS if themes == "*" or theme in themes.split()]
    facts = rng.sample(fitting, min(len(fitting), rng.randint(3, 6)))
    sentences = [rng.choice(VARIED_OPENERS)] + facts + [rng.choice(VARIED_CLOSERS)]
    sentences = [sentence.format(**slots) for sentence in sentences]
    cut = sorted(rng.sample(range(1, len(sentences)), min(len(sentences) - 1, rng.randint(2, 4))))
    paragraphs = [" ".join(sentences[a:b]) for a, b in zip([0] + cut, cut + [len(sentences)])]
    summary = rng.choice(SUMMARIES).format(title_sentence=title, year=moment.year, org=org)
    return title, slug, summary, "\n\n".join(paragraphs)


def written_setting(name: str, settings_file: Path = SETTINGS_FILE):
    """A setting's value as written in pelicanconf.py, read without executing the file."""
    tree = ast.parse(settings_file.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit(f"{name} not found in {settings_file}")


def news_categories(settings_file: Path = SETTINGS_FILE) -> list:
    return list(written_setting("NEWS_CATEGORIES", settings_file))


def organisation(settings_file: Path = SETTINGS_FILE) -> str:
    """The name the news give their organisation: SITE_SHORTNAME."""
    return written_setting("SITE_SHORTNAME", settings_file)


def slugify(title: str) -> str:
    """The slug Pelican derives from a Vietnamese title (unidecode, then its default substitutions):
    diacritics dropped, đ -> d, punctuation removed, spaces and dashes joined by one dash."""
    text = unicodedata.normalize("NFD", title).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[^\w\s-]", "", text, flags=re.ASCII)
    text = re.sub(r"[\s-]+", "-", text)
    return text.strip("-")


def category_sizes(count: int, names: list) -> list:
    """How many news each category gets: the weights scaled to `count` by largest remainder."""
    weights = list(CATEGORY_WEIGHTS[: len(names)]) + [0.05] * max(0, len(names) - len(CATEGORY_WEIGHTS))
    total = sum(weights)
    exact = [count * w / total for w in weights]
    sizes = [int(x) for x in exact]
    by_remainder = sorted(range(len(names)), key=lambda i: (-(exact[i] - sizes[i]), i))
    for i in by_remainder[: count - sum(sizes)]:
        sizes[i] += 1
    return sizes


def vn_date(moment: datetime) -> str:
    return f"{moment.day}/{moment.month}/{moment.year}"


def vn_number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def first_day(count: int) -> datetime:
    """The first day news may have: LAST_DAY minus the span `count` news need at NEWS_PER_DAY."""
    return max(EARLIEST_DAY, LAST_DAY - timedelta(days=max(MIN_SPAN_DAYS, round(count / NEWS_PER_DAY)) - 1))


def random_moment(rng: Random, first: datetime) -> datetime:
    """A minute in first..LAST_DAY, mostly in office hours and evenings, as editors post."""
    days = (LAST_DAY - first).days + 1
    day = first + timedelta(days=rng.randrange(days))
    hour = rng.choices(range(6, 23), weights=[1, 3, 5, 6, 5, 3, 2, 4, 5, 5, 4, 3, 2, 3, 3, 2, 1])[0]
    return day.replace(hour=hour, minute=rng.randrange(60))


def plan(count: int, names: list, rng: Random) -> list:
    """(category index, date) for every news: uneven category sizes, dates over several years,
    and about SAME_MINUTE_SHARE of news sharing their minute with another (half in the same category)."""
    categories = [i for i, size in enumerate(category_sizes(count, names)) for _ in range(size)]
    rng.shuffle(categories)
    first = first_day(count)
    dates = [random_moment(rng, first) for _ in range(count)]
    for _ in range(int(count * SAME_MINUTE_SHARE / 2)):
        a = rng.randrange(count)
        same = [j for j in rng.sample(range(count), min(count, 20)) if j != a and categories[j] == categories[a]]
        b = same[0] if same and rng.random() < 0.5 else rng.randrange(count)
        if b != a:
            dates[b] = dates[a]
    return list(zip(categories, dates))


def fill(template: str, rng: Random, moment: datetime, unit: str, **extra) -> str:
    """A phrase template with its slots filled from the news' date and unit and a few draws."""
    unit2 = rng.choice([u for u in UNITS if u != unit])
    # A two-day event that ended the day before the news was posted.
    before, start = moment - timedelta(days=2), moment - timedelta(days=1)
    return template.format(
        year=moment.year,
        month=moment.month,
        date=vn_date(moment),
        date_pair=f"{before.day} và {vn_date(start)}" if before.month == start.month else f"{vn_date(before)} và {vn_date(start)}",
        nth=moment.year - 1931,
        term=f"{moment.year}-{moment.year + 2}" if moment.month >= 6 else f"{moment.year - 1}-{moment.year + 1}",
        place=rng.choice(PLACES),
        people=vn_number(rng.choice([40, 60, 80, 100, 120, 150, 200, 300, 500, 1200, 2500])),
        units=rng.randint(8, 46),
        count=rng.randint(3, 60),
        count2=rng.randint(5, 80),
        money=vn_number(rng.choice([5, 8, 10, 15, 20, 30, 50, 80, 120, 200]) * 1_000_000),
        gift=vn_number(rng.choice([200, 300, 500, 700, 1000]) * 1000),
        km=rng.randint(2, 25),
        small=rng.randint(5, 15),
        percent=rng.randint(15, 35),
        unit2=unit2,
        man=rng.choice(MEN),
        woman=rng.choice(WOMEN),
        **extra,
    )


def make_title(rng: Random, category: int, moment: datetime, taken: dict, org: str) -> tuple:
    """A title not used yet (by slug), its unit and its event; retries, then numbers the round."""
    pool = EVENTS[category % len(EVENTS)]
    for attempt in range(60):
        unit = rng.choice(UNITS + [leader.format(org=org) for leader in LEADERS])
        event = fill(rng.choice(pool["events"]), rng, moment, unit, org=org)
        title = f"{unit} {rng.choice(pool['verbs'])} {event}"
        if attempt >= 40:
            title = f"{title} (đợt {attempt - 38})"
        slug = slugify(title)
        if slug not in taken:
            return title, slug, unit
    raise RuntimeError(f"no free title for {moment} in category {category}")


def make_body(rng: Random, moment: datetime, unit: str, title: str, category: int, org: str) -> str:
    """3-6 paragraphs: an opening that restates the news, 1-4 middle paragraphs, a closing one."""
    event = title[len(unit) + 1:] if title.startswith(unit) else title
    opening = " ".join(
        [
            f"{fill(rng.choice(OPENERS), rng, moment, unit, org=org)}, {unit} đã {event[0].lower() + event[1:]}.",
            fill(rng.choice(PRESENCE), rng, moment, unit, org=org),
            fill(rng.choice(PURPOSES), rng, moment, unit, org=org),
        ]
    )
    paragraphs = [opening]
    # Each sentence at most once in a news: draw from one shuffled pool for all middle paragraphs.
    pool = DETAILS[category % len(DETAILS)] + MIDDLE
    pool = rng.sample(pool, len(pool))
    for _ in range(rng.randint(1, 4)):
        size = rng.randint(2, 3)
        sentences, pool = pool[:size], pool[size:]
        if not sentences:
            break
        paragraphs.append(" ".join(fill(s, rng, moment, unit, org=org) for s in sentences))
    paragraphs.append(fill(rng.choice(CLOSERS), rng, moment, unit, org=org))
    return "\n\n".join(paragraphs)


def make_tags(rng: Random, category: int, org: str) -> list:
    own = rng.sample(EVENTS[category % len(EVENTS)]["tags"], rng.randint(1, 3))
    return own + [tag.format(org=org) for tag in rng.sample(COMMON_TAGS, 1)]


def render(title, moment, category_name, author, tags, summary, views, body) -> str:
    lines = [
        f"Title: {title}",
        f"Date: {moment:%Y-%m-%d %H:%M}",
        f"Category: {category_name}",
        f"Author: {author}",
        f"Tags: {', '.join(tags)}",
        f"Summary: {summary}",
    ]
    if views is not None:
        lines.append(f"Views: {views}")
    return "\n".join(lines) + "\n\n" + body + "\n"


STYLES = ("site", "varied")


def generate(count: int, seed: int, names: list, style: str = "site", org: str | None = None) -> list:
    """[(relative path, Markdown text)] for `count` news, the same for the same seed, names, style and
    organisation: style "site" (the default: few title patterns, shared sentences) or "varied" (each news
    its own names and figures, for the search benchmark); `org` by default SITE_SHORTNAME in pelicanconf.py."""
    org = org or organisation()
    rng = Random(seed)
    taken = {}
    files = []
    for category, moment in plan(count, names, rng):
        if style == "varied":
            title, slug, summary, body = make_varied(rng, category, moment, taken, org)
        else:
            title, slug, unit = make_title(rng, category, moment, taken, org)
            summary = fill(rng.choice(SUMMARIES), rng, moment, unit, title_sentence=title, org=org)
        taken[slug] = title
        views = int(rng.lognormvariate(5.3, 0.9)) + 5 if rng.random() < VIEWS_SHARE else None
        author = rng.choice(AUTHORS).format(org=org)
        tags = make_tags(rng, category, org)
        if style != "varied":
            body = make_body(rng, moment, unit, title, category, org)
        text = render(title, moment, names[category], author, tags, summary, views, body)
        files.append((f"{moment.year}/{slug}.md", text))
    return files


def write(out: Path, files: list) -> None:
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty: give a new or empty folder")
    for relative, text in files:
        path = out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="output folder (new or empty)")
    parser.add_argument("--count", type=int, default=1000, help="number of news (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--settings", type=Path, default=SETTINGS_FILE, help="pelicanconf.py holding NEWS_CATEGORIES")
    parser.add_argument("--style", choices=STYLES, default="site", help="site (default) or varied (each news its own names)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be 0 or more")
    write(args.out, generate(args.count, args.seed, news_categories(args.settings), args.style, organisation(args.settings)))
    print(f"{args.count} news written to {args.out} (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
