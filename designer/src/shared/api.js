// Calls the DocBpm JSON API with the session cookie. A missing session goes to the login page and comes back;
// refusals arrive as problem details whose Vietnamese text is shown as it is.

const statusMessages = {
  0: 'Không kết nối được máy chủ; kiểm tra mạng rồi thử lại.',
  400: 'Yêu cầu không hợp lệ.',
  403: 'Tài khoản của bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu được yêu cầu; có thể nó đã bị xóa.',
  409: 'Dữ liệu vừa được người khác thay đổi; hãy tải lại trang rồi thử lại.',
  413: 'Tệp quá lớn.',
  429: 'Có quá nhiều yêu cầu; vui lòng chờ một lát rồi thử lại.'
};

/**
 * What a refusal says to a person: the problem's Vietnamese detail, or the messages of its fields. The title is left
 * out: ASP.NET Core's default titles ("One or more validation errors occurred.") are English.
 */
export function problemMessage(status, problem) {
  const fieldMessages = Object.values(problem?.errors || {}).flat().filter(m => typeof m === 'string');
  return problem?.detail || (fieldMessages.length ? fieldMessages.join(' ') : null)
    || statusMessages[status] || `Máy chủ gặp lỗi (mã ${status}); vui lòng thử lại sau hoặc báo quản trị.`;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problemMessage(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

function loginUrl(location = window.location) {
  return `/login?returnUrl=${encodeURIComponent(location.pathname + location.search)}`;
}

export async function api(path, { method = 'GET', json, xml } = {}) {
  const headers = { Accept: 'application/json, application/xml' };
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  } else if (xml !== undefined) {
    headers['Content-Type'] = 'application/xml';
    body = xml;
  }

  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, null);
  }

  if (response.status === 401) {
    window.location.assign(loginUrl());
    throw new ApiError(401, { detail: 'Phiên đăng nhập đã hết; vui lòng đăng nhập lại.' });
  }

  const type = response.headers.get('Content-Type') || '';
  const content = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text();
  if (!response.ok)
    throw new ApiError(response.status, content !== null && typeof content === 'object' ? content : null);
  return content;
}

/** Shows the header links (data-page="/monitor") to the pages the signed-in person may open; the others stay hidden. */
export async function showOpenableLinks() {
  const openable = new Set(await api('/api/tool-pages'));
  for (const link of document.querySelectorAll('a[data-page]'))
    link.hidden = !openable.has(link.dataset.page);
}

/** A step of a process as people know it: its BPMN name, or its id when it has none. */
export async function stepNames(definitionId) {
  const elements = await api(`/api/definitions/${definitionId}/elements`);
  const names = new Map(elements.filter(e => e.name).map(e => [e.id, e.name]));
  return id => names.get(id) || id;
}

const vietnamTime = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit'
});

/** Instants are stored in UTC and shown in Vietnam time. */
export function formatTime(value) {
  return value ? vietnamTime.format(new Date(value)) : '';
}

/** Builds an element: el('td', { className: 'x', dataset: { id } }, 'text', child). Text is never parsed as HTML. */
export function el(tag, { dataset = {}, ...properties } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), properties);
  Object.assign(node.dataset, dataset);
  node.append(...children.flat().filter(c => c !== null && c !== undefined && c !== false).map(c => c instanceof Node ? c : String(c)));
  return node;
}

export function showStatus(target, message, kind = 'info') {
  target.className = `status status-${kind}`;
  target.textContent = message;
}

export const statusNames = {
  Running: 'Đang chạy', Completed: 'Hoàn thành', Terminated: 'Kết thúc sớm', Cancelled: 'Đã hủy'
};

/** What the engine's journal and incident resolutions say (English in the database), as people read it. */
export const eventNames = {
  started: 'Bắt đầu', completed: 'Hoàn thành', claimed: 'Nhận việc', cancelled: 'Đã hủy', interrupted: 'Bị ngắt',
  error: 'Lỗi nghiệp vụ', migrated: 'Chuyển phiên bản', retried: 'Đã thử lại', incident: 'Sự cố', thrown: 'Đã phát',
  escalated: 'Leo thang'
};

/** Offers text to the browser as a file download. */
export function saveFile(text, fileName) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'application/xml' }));
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(link.href);
}
