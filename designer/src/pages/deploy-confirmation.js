// Asks before a deploy: which process, which version it creates, and what happens to the instances running now.

/** The facts of a deploy preview (POST /api/definitions/deploy-preview) as label/value pairs and a closing note. */
export function deploySummary(preview) {
  const facts = [['Mã quy trình', preview.key]];
  if (preview.name)
    facts.push(['Tên', preview.name]);
  facts.push(['Phiên bản sẽ tạo', preview.nextVersion === null ? 'không có (sơ đồ giống phiên bản hiện tại)' : String(preview.nextVersion)]);
  if (preview.currentVersion !== null) {
    facts.push(['Phiên bản hiện tại', String(preview.currentVersion)]);
    facts.push(['Hồ sơ đang chạy theo phiên bản hiện tại', String(preview.runningOnCurrent)]);
  }
  if (preview.runningOnOlder > 0)
    facts.push(['Hồ sơ đang chạy theo các phiên bản cũ hơn', String(preview.runningOnOlder)]);

  const note = preview.nextVersion === null
    ? 'Triển khai sẽ không tạo phiên bản mới.'
    : preview.currentVersion === null
      ? 'Đây là phiên bản đầu tiên của quy trình này.'
      : `Hồ sơ mới sẽ chạy theo phiên bản ${preview.nextVersion}; các hồ sơ đang chạy giữ phiên bản của mình `
        + '(quản trị có thể chuyển từng hồ sơ sang phiên bản mới trong trang Giám sát).';
  return { facts, note };
}

/** Shows the confirmation dialog; resolves true when the analyst confirms. */
export function confirmDeploy(preview, dialog = document.getElementById('confirm-deploy')) {
  const { facts, note } = deploySummary(preview);
  dialog.querySelector('#confirm-facts').replaceChildren(...facts.flatMap(([label, value]) => {
    const term = document.createElement('dt');
    term.textContent = label;
    const detail = document.createElement('dd');
    detail.textContent = value;
    return [term, detail];
  }));
  dialog.querySelector('#confirm-note').textContent = note;
  return new Promise(resolve => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'deploy'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
  });
}
