// Vietnamese for what bpmn-js, diagram-js and the properties panel show: they pass every English text through the
// `translate` service (palette, context pad, replace menu, panel labels and the panel header's element type), so
// replacing that service is bpmn-js's own way to localise (bpmn-js-examples/i18n). Words follow docs/glossary.md: a user
// task is a "công việc", a process a "quy trình". A text missing here stays English: the tests list the ones analysts see.

const elements = {
  'Task': 'Công việc',
  'User Task': 'Công việc của người dùng',
  'Service Task': 'Công việc tự động',
  'Send Task': 'Công việc gửi',
  'Receive Task': 'Công việc nhận',
  'Script Task': 'Tập lệnh',
  'Manual Task': 'Công việc thủ công',
  'Business Rule Task': 'Bảng quyết định',
  'Call Activity': 'Gọi quy trình',
  'Collapsed Sub Process': 'Quy trình con (thu gọn)',
  'Expanded Sub Process': 'Quy trình con',
  'Event Sub Process': 'Quy trình con theo sự kiện',
  'Sub Process': 'Quy trình con',
  'Transaction': 'Giao dịch',
  'Exclusive Gateway': 'Cổng rẽ một nhánh',
  'Parallel Gateway': 'Cổng song song',
  'Inclusive Gateway': 'Cổng rẽ nhiều nhánh',
  'Event Based Gateway': 'Cổng theo sự kiện',
  'Complex Gateway': 'Cổng phức hợp',
  'Start Event': 'Sự kiện bắt đầu',
  'End Event': 'Sự kiện kết thúc',
  'Intermediate Throw Event': 'Sự kiện trung gian (phát)',
  'Intermediate Catch Event': 'Sự kiện trung gian (chờ)',
  'Boundary Event': 'Sự kiện biên',
  'Message Start Event': 'Bắt đầu khi nhận thông điệp',
  'Timer Start Event': 'Bắt đầu theo hẹn giờ',
  'Signal Start Event': 'Bắt đầu khi có tín hiệu',
  'Conditional Start Event': 'Bắt đầu khi thỏa điều kiện',
  'Error Start Event': 'Bắt đầu khi có lỗi',
  'Escalation Start Event': 'Bắt đầu khi leo thang',
  'Compensation Start Event': 'Bắt đầu bù trừ',
  'Message End Event': 'Kết thúc, gửi thông điệp',
  'Error End Event': 'Kết thúc báo lỗi',
  'Escalation End Event': 'Kết thúc, leo thang',
  'Signal End Event': 'Kết thúc, phát tín hiệu',
  'Terminate End Event': 'Kết thúc toàn bộ',
  'Compensation End Event': 'Kết thúc, bù trừ',
  'Cancel End Event': 'Kết thúc, hủy giao dịch',
  'Message Intermediate Catch Event': 'Chờ thông điệp',
  'Message Intermediate Throw Event': 'Gửi thông điệp',
  'Timer Intermediate Catch Event': 'Chờ hẹn giờ',
  'Signal Intermediate Catch Event': 'Chờ tín hiệu',
  'Signal Intermediate Throw Event': 'Phát tín hiệu',
  'Conditional Intermediate Catch Event': 'Chờ điều kiện',
  'Link Intermediate Catch Event': 'Điểm nối (đích)',
  'Link Intermediate Throw Event': 'Điểm nối (nguồn)',
  'Escalation Intermediate Throw Event': 'Leo thang',
  'Compensation Intermediate Throw Event': 'Bù trừ',
  'Message Boundary Event': 'Biên: thông điệp',
  'Timer Boundary Event': 'Biên: hẹn giờ',
  'Signal Boundary Event': 'Biên: tín hiệu',
  'Conditional Boundary Event': 'Biên: điều kiện',
  'Error Boundary Event': 'Biên: lỗi',
  'Escalation Boundary Event': 'Biên: leo thang',
  'Compensation Boundary Event': 'Biên: bù trừ',
  'Cancel Boundary Event': 'Biên: hủy giao dịch',
  'Sequence Flow': 'Luồng',
  'Default Flow': 'Luồng mặc định',
  'Conditional Flow': 'Luồng có điều kiện',
  'Message Flow': 'Luồng thông điệp',
  'Association': 'Liên kết',
  'Data Object Reference': 'Dữ liệu',
  'Data Store Reference': 'Kho dữ liệu',
  'Text Annotation': 'Ghi chú',
  'Group': 'Nhóm',
  'Participant': 'Bể (pool)',
  'Lane': 'Làn',
  'Process': 'Quy trình',
  'Collaboration': 'Cộng tác'
};

// The panel header writes a non-interrupting event as "Timer Boundary Event (Non Interrupting)".
const NON_INTERRUPTING = / \(Non Interrupting\)$/;

const texts = {
  // palette and tools
  'Activate hand tool': 'Kéo sơ đồ',
  'Activate lasso tool': 'Chọn vùng',
  'Activate create/remove space tool': 'Chèn/bớt khoảng trống',
  'Activate global connect tool': 'Nối các phần tử',
  'Create start event': 'Thêm sự kiện bắt đầu',
  'Create end event': 'Thêm sự kiện kết thúc',
  'Create task': 'Thêm công việc',
  'Create gateway': 'Thêm cổng rẽ nhánh',
  'Create expanded sub-process': 'Thêm quy trình con',
  'Create intermediate/boundary event': 'Thêm sự kiện trung gian',
  'Create data object reference': 'Thêm dữ liệu',
  'Create data store reference': 'Thêm kho dữ liệu',
  'Create group': 'Thêm nhóm',
  'Create pool/participant': 'Thêm bể (pool)',
  'Search in diagram': 'Tìm trong sơ đồ',
  // context pad
  'Append task': 'Thêm công việc tiếp theo',
  'Append end event': 'Thêm sự kiện kết thúc',
  'Append gateway': 'Thêm cổng rẽ nhánh',
  'Append intermediate/boundary event': 'Thêm sự kiện trung gian',
  'Append receive task': 'Thêm công việc nhận',
  'Append message intermediate catch event': 'Thêm bước chờ thông điệp',
  'Append timer intermediate catch event': 'Thêm bước chờ hẹn giờ',
  'Append conditional intermediate catch event': 'Thêm bước chờ điều kiện',
  'Append signal intermediate catch event': 'Thêm bước chờ tín hiệu',
  'Append compensation activity': 'Thêm công việc bù trừ',
  'Add text annotation': 'Thêm ghi chú',
  'Add lane above': 'Thêm làn phía trên',
  'Add lane below': 'Thêm làn phía dưới',
  'Divide into two lanes': 'Chia thành hai làn',
  'Divide into three lanes': 'Chia thành ba làn',
  'Change element': 'Đổi loại phần tử',
  'Delete': 'Xóa',
  'Connect to other element': 'Nối tới phần tử khác',
  'Connect using association': 'Nối bằng liên kết',
  'Connect using data input association': 'Nối dữ liệu đầu vào',
  'Align elements': 'Căn thẳng các phần tử',
  'Distribute elements horizontally': 'Dàn đều theo chiều ngang',
  'Distribute elements vertically': 'Dàn đều theo chiều dọc',
  'Open {element}': 'Mở {element}',
  // replace menu: markers and the element names in sentence case
  'Loop': 'Vòng lặp',
  'Parallel multi-instance': 'Nhiều phiên bản song song',
  'Sequential multi-instance': 'Nhiều phiên bản lần lượt',
  'Collection': 'Danh sách',
  'Participant multiplicity': 'Nhiều bể (pool)',
  'Toggle non-interrupting': 'Bật/tắt không ngắt',
  'Sub-process (collapsed)': 'Quy trình con (thu gọn)',
  'Sub-process (expanded)': 'Quy trình con',
  'Sub-process': 'Quy trình con',
  'Event sub-process': 'Quy trình con theo sự kiện',
  'Ad-hoc sub-process': 'Quy trình con tùy ý',
  'Ad-hoc sub-process (collapsed)': 'Quy trình con tùy ý (thu gọn)',
  'Ad-hoc sub-process (expanded)': 'Quy trình con tùy ý',
  'Expanded pool/participant': 'Bể (pool) mở rộng',
  'Empty pool/participant': 'Bể (pool) rỗng',
  'Boundary event': 'Sự kiện biên',
  'Event based instantiating Gateway': 'Cổng theo sự kiện khởi tạo',
  'Parallel Event based instantiating Gateway': 'Cổng song song theo sự kiện khởi tạo',
  // properties panel
  'General': 'Chung',
  'Name': 'Tên',
  'ID': 'Mã',
  'Documentation': 'Mô tả',
  'Element documentation': 'Mô tả phần tử',
  'Process documentation': 'Mô tả quy trình',
  'Executable': 'Thực thi được',
  'Timer': 'Hẹn giờ',
  'Type': 'Kiểu',
  'Value': 'Giá trị',
  'Date': 'Thời điểm',
  'Duration': 'Khoảng thời gian',
  'Cycle': 'Chu kỳ',
  '<none>': '<không có>',
  '<empty>': '<trống>',
  'Message': 'Thông điệp',
  'Global message reference': 'Thông điệp',
  'Create new ...': 'Tạo mới ...',
  'Create': 'Tạo',
  'Error': 'Lỗi',
  'Global error reference': 'Lỗi',
  'Code': 'Mã lỗi',
  'Multi-instance': 'Nhiều phiên bản',
  'Loop cardinality': 'Số phiên bản',
  'Completion condition': 'Điều kiện hoàn thành',
  'Completion': 'Hoàn thành',
  'Cancel remaining instances': 'Hủy các phiên bản còn lại',
  'Signal': 'Tín hiệu',
  'Global signal reference': 'Tín hiệu',
  'Escalation': 'Leo thang',
  'Global escalation reference': 'Leo thang',
  'Compensation': 'Bù trừ',
  'Activity reference': 'Công việc được bù trừ',
  'Wait for completion': 'Chờ hoàn thành',
  'Link': 'Điểm nối',
  'Process name': 'Tên quy trình',
  'Process ID': 'Mã quy trình',
  'Participant Name': 'Tên bể (pool)',
  'ID must not be empty.': 'Mã không được để trống.',
  'ID must be unique.': 'Mã đã được dùng cho phần tử khác.',
  'ID must not contain spaces.': 'Mã không được chứa dấu cách.',
  'ID must not contain prefix.': 'Mã không được có tiền tố (dấu hai chấm).',
  'ID must be a valid QName.': 'Mã chỉ gồm chữ không dấu, số, dấu gạch và không bắt đầu bằng số.',
  'Select an element to edit its properties.': 'Chọn một phần tử để sửa thuộc tính.',
  'Multiple elements are selected. Select a single element to edit its properties.':
    'Đang chọn nhiều phần tử. Chọn một phần tử để sửa thuộc tính.',
  'A specific point in time defined as ISO 8601 combined date and time representation.':
    'Một thời điểm theo ISO 8601, ví dụ 2026-12-31T17:00:00+07:00.',
  'A time duration defined as ISO 8601 durations format.': 'Một khoảng thời gian theo ISO 8601, ví dụ P3D (3 ngày), PT4H (4 giờ).',
  'A cycle defined as ISO 8601 repeating intervals format.': 'Một chu kỳ lặp theo ISO 8601, ví dụ R5/PT10S.',
  'Documentation: Timer events': 'Hướng dẫn: sự kiện hẹn giờ',
  'Open documentation': 'Mở hướng dẫn',
  'Open pop-up editor': 'Mở khung soạn thảo',
  'Opened in editor': 'Đang mở trong khung soạn thảo',
  'Section contains an error': 'Phần này có lỗi',
  'Section contains edits': 'Phần này đã được sửa',
  'Toggle section': 'Mở/đóng phần này',
  'Create new list item': 'Thêm mục',
  'Delete item': 'Xóa mục',
  'Toggle list item': 'Mở/đóng mục'
};

// The replace menu names elements in sentence case ("User task", "Timer boundary event (non-interrupting)"), the
// panel header in title case ("User Task"): both come from the one list above.
function toSentenceCase(titleCase) {
  const lower = titleCase.toLowerCase().replace('sub process', 'sub-process').replace('event based', 'event-based');
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

const sentenceCase = Object.fromEntries(Object.entries(elements).map(([english, vietnamese]) => [toSentenceCase(english), vietnamese]));

function lookup(template) {
  const nonInterrupting = template.match(NON_INTERRUPTING) || template.match(/ \(non-interrupting\)$/);
  const base = nonInterrupting ? template.slice(0, nonInterrupting.index) : template;
  const text = texts[base] || elements[base] || sentenceCase[base];
  if (!text)
    return template;
  return nonInterrupting ? `${text} (không ngắt)` : text;
}

function fill(text, replacements) {
  return text.replace(/{([^}]+)}/g, (_, key) => replacements[key] ?? `{${key}}`);
}

export default function translate(template, replacements = {}) {
  return fill(lookup(template), replacements);
}

/** A diagram-js `translate` over another dictionary (the decision editor's): the English template's Vietnamese, filled in. */
export function translator(dictionary) {
  return (template, replacements = {}) => fill(dictionary[template] || template, replacements);
}

/** The Vietnamese name of a BPMN element type such as "bpmn:UserTask", as the panel header shows it. */
export function elementTypeName(type) {
  const words = type.replace(/^bpmn:/, '').replace(/(\B[A-Z])/g, ' $1');
  return elements[words] || words;
}

