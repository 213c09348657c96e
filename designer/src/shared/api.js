// Calls the DocBpm JSON API with the session cookie. A missing session goes to the login page and comes back;
// refusals arrive as problem details whose Vietnamese text is shown as it is.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `Lỗi máy chủ (HTTP ${status}).`);
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

  const response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  if (response.status === 401) {
    window.location.assign(loginUrl());
    throw new ApiError(401, { detail: 'Phiên đăng nhập đã hết; vui lòng đăng nhập lại.' });
  }

  const type = response.headers.get('Content-Type') || '';
  const content = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text();
  if (!response.ok)
    throw new ApiError(response.status, typeof content === 'object' ? content : null);
  return content;
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
