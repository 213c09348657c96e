// Vietnamese for the labels bpmn-js and its properties panel show (they pass English through `translate`).

const vietnamese = {
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
  'Message': 'Thông điệp',
  'Global message reference': 'Thông điệp',
  'Create new ...': 'Tạo mới ...',
  'Error': 'Lỗi',
  'Global error reference': 'Lỗi',
  'Code': 'Mã lỗi',
  'Multi-instance': 'Nhiều phiên bản',
  'Loop cardinality': 'Số phiên bản',
  'Completion condition': 'Điều kiện hoàn thành',
  'Signal': 'Tín hiệu',
  'Escalation': 'Leo thang',
  'Process': 'Quy trình',
  'Process name': 'Tên quy trình',
  'Process ID': 'Mã quy trình',
  'Create StartEvent': 'Thêm sự kiện bắt đầu',
  'Create EndEvent': 'Thêm sự kiện kết thúc',
  'Create Task': 'Thêm công việc',
  'Create Gateway': 'Thêm cổng rẽ nhánh',
  'Create expanded SubProcess': 'Thêm quy trình con',
  'Create Intermediate/Boundary Event': 'Thêm sự kiện trung gian',
  'Activate hand tool': 'Kéo sơ đồ',
  'Activate lasso tool': 'Chọn vùng',
  'Activate create/remove space tool': 'Chèn/bớt khoảng trống',
  'Activate global connect tool': 'Nối các phần tử',
  'Append task': 'Thêm công việc tiếp theo',
  'Append end event': 'Thêm sự kiện kết thúc',
  'Append gateway': 'Thêm cổng rẽ nhánh',
  'Append intermediate/boundary event': 'Thêm sự kiện trung gian',
  'Change element': 'Đổi loại phần tử',
  'Delete': 'Xóa',
  'Connect to other element': 'Nối tới phần tử khác',
  'Add text annotation': 'Thêm ghi chú',
  'User task': 'Công việc của người dùng',
  'Service task': 'Công việc tự động',
  'Send task': 'Gửi',
  'Receive task': 'Nhận',
  'Script task': 'Tập lệnh',
  'Exclusive gateway': 'Cổng rẽ một nhánh',
  'Parallel gateway': 'Cổng song song',
  'Inclusive gateway': 'Cổng rẽ nhiều nhánh',
  'Event-based gateway': 'Cổng theo sự kiện'
};

/** A diagram-js `translate` over a dictionary: the English template's Vietnamese, with {placeholders} filled in. */
export function translator(dictionary) {
  return (template, replacements = {}) => (dictionary[template] || template)
    .replace(/{([^}]+)}/g, (_, key) => replacements[key] ?? `{${key}}`);
}

export default translator(vietnamese);
